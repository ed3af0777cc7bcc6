"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { fetchJson } from "@/lib/query/fetch-json";
import { logKeys } from "@/lib/query/keys";
import type { logEntryReplySchema, logPageSchema } from "@/lib/sync-log/schemas";

export function useLogEntries(integrationId: string, filter: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: logKeys.list(integrationId, filter),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(filter);
      if (pageParam) params.set("cursor", String(pageParam));
      return fetchJson<z.output<typeof logPageSchema>>(`/api/integrations/${integrationId}/log?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 15_000,
  });
}

export function useLogEntry(integrationId: string, entryId: number | null) {
  return useQuery({
    enabled: entryId !== null,
    queryKey: logKeys.entry(integrationId, entryId ?? 0),
    queryFn: () =>
      fetchJson<z.output<typeof logEntryReplySchema>>(`/api/integrations/${integrationId}/log/${entryId}`),
  });
}
