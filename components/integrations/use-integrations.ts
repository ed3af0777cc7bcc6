"use client";

import { useQuery } from "@tanstack/react-query";
import type { IntegrationListItem } from "@/lib/integrations/list-integrations";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

export function useIntegrations() {
  return useQuery({
    queryKey: queryKeys.integrations,
    queryFn: () => fetchJson<{ integrations: IntegrationListItem[] }>("/api/integrations"),
    refetchInterval: 15_000,
  });
}
