"use client";

import { useQuery } from "@tanstack/react-query";
import type { IntegrationOutput } from "@/lib/integrations/schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

export function useIntegration(id: string) {
  return useQuery({
    queryKey: queryKeys.integration(id),
    queryFn: () =>
      fetchJson<{ integration: IntegrationOutput }>(`/api/integrations/${id}`).then((r) => r.integration),
  });
}
