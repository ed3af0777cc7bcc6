"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { mappingSavedSchema } from "@/lib/integrations/reply-schemas";
import type { IntegrationOutput } from "@/lib/integrations/schemas";
import type { SaveMappingInput } from "@/lib/learners/schemas";
import { ApiRequestError, fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

type SaveReply = z.output<typeof mappingSavedSchema>;

/** PUT the mapping; on success the cached integration is the saved one and `onSaved` gets it; a 409 refetches it. */
export function useSaveMapping(integrationId: string, onSaved: (integration: IntegrationOutput) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveMappingInput) =>
      fetchJson<SaveReply>(`/api/integrations/${integrationId}/mapping`, { method: "PUT", json: body }),
    onSuccess: ({ integration }) => {
      onSaved(integration);
      queryClient.setQueryData(queryKeys.integration(integrationId), integration);
      void queryClient.invalidateQueries({ queryKey: queryKeys.integrations, exact: true });
    },
    onError: (error) => {
      // Someone saved in between: fetch their version, so the editor can offer to load it.
      if (error instanceof ApiRequestError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.integration(integrationId), exact: true });
      }
    },
  });
}
