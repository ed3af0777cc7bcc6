"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { z } from "zod";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys, runKeys } from "@/lib/query/keys";
import type { runReplySchema, runRequestedSchema } from "@/lib/sync/schemas";

type RunReply = z.output<typeof runReplySchema>;
type RunRequested = z.output<typeof runRequestedSchema>;

/** One run, polled every second until it is done. */
export function useRun(integrationId: string, runId: number | null) {
  return useQuery({
    enabled: runId !== null,
    queryKey: runKeys.run(integrationId, runId ?? 0),
    queryFn: () => fetchJson<RunReply>(`/api/integrations/${integrationId}/runs/${runId}`),
    refetchInterval: (query) => (query.state.data?.run.done ? false : 1000),
  });
}

/**
 * Run now with its progress: `start()` asks for a run, then the run is followed until it ends; when it does, what
 * it changed (the integration, its runs, its log and delivery counts) is refreshed.
 */
export function useRunNow(integrationId: string) {
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<number | null>(null);
  const request = useMutation({
    mutationFn: () => fetchJson<RunRequested>(`/api/integrations/${integrationId}/run`, { method: "POST" }),
    onSuccess: (reply) => {
      queryClient.setQueryData<RunReply>(runKeys.run(integrationId, reply.runId), { run: reply.run });
      setRunId(reply.runId);
      void queryClient.invalidateQueries({ queryKey: runKeys.list(integrationId) });
    },
  });
  const followed = useRun(integrationId, runId);
  const run = followed.data?.run ?? null;
  const isDone = run?.done ?? false;
  useEffect(() => {
    if (!isDone) return;
    for (const queryKey of [
      queryKeys.integrations,
      runKeys.list(integrationId),
      ["sync-log", integrationId],
    ]) {
      void queryClient.invalidateQueries({ queryKey });
    }
    void queryClient.invalidateQueries({ queryKey: ["delivery-counts", integrationId] });
  }, [isDone, integrationId, queryClient]);
  return {
    start: () => request.mutate(),
    run,
    /** Asked for and not yet ended. */
    isGoing: request.isPending || (run !== null && !run.done),
    error: request.error ?? followed.error,
  };
}
