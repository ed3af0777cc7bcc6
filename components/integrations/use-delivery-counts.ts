"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/fetch-json";
import type { DeliveryCountsReply } from "@/lib/sync-log/delivery-schemas";

/** Deliveries by state (and, with `since`, how many completions a backfill would send), refreshed with the log. */
export function useDeliveryCounts(integrationId: string, since?: string) {
  return useQuery({
    queryKey: ["delivery-counts", integrationId, since ?? null],
    queryFn: () =>
      fetchJson<DeliveryCountsReply>(
        `/api/integrations/${integrationId}/deliveries${since ? `?${new URLSearchParams({ since })}` : ""}`,
      ),
    refetchInterval: 15_000,
  });
}
