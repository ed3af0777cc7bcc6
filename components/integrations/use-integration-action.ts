"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

export type IntegrationAction = "enable" | "pause" | "run";

const DONE: Record<IntegrationAction, string> = {
  enable:
    "Enabled: a run starts now and sends what is due; deliveries out of retries wait for the next scheduled run.",
  pause: "Paused: nothing is sent until it is enabled.",
  run: "Run queued: it starts within seconds.",
};

/** Enable, pause or run one integration through its POST route; the list and the integration are refreshed. */
export function useIntegrationAction(id: string) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (action: IntegrationAction) =>
      fetchJson<unknown>(`/api/integrations/${id}/${action}`, { method: "POST" }).then(() => action),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.integrations }),
  });
  const message = mutation.isSuccess ? DONE[mutation.data] : null;
  return { ...mutation, message };
}
