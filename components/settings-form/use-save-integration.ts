"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { IntegrationOutput } from "@/lib/integrations/schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import type { FormMode } from "./form-schema";
import type { ApiInput } from "./form-values";

/** POST (create) or PATCH (edit) the settings; the saved integration replaces the cached one. */
export function useSaveIntegration(mode: FormMode, id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ApiInput> & { version?: number }) =>
      fetchJson<{ integration: IntegrationOutput }>(
        mode === "create" ? "/api/integrations" : `/api/integrations/${id}`,
        {
          method: mode === "create" ? "POST" : "PATCH",
          json: body,
        },
      ),
    onSuccess: ({ integration }) => {
      queryClient.setQueryData(queryKeys.integration(integration.id), integration);
      void queryClient.invalidateQueries({ queryKey: queryKeys.integrations, exact: true });
    },
  });
}
