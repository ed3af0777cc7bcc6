"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { LogEntryDetail, LogEntrySummary } from "@/db/queries/sync-log-read";
import { fetchJson } from "@/lib/query/fetch-json";
import { logKeys } from "@/lib/query/keys";

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
export type LogRow = Json<LogEntrySummary>;
export type LogDetail = Json<LogEntryDetail>;

export function useLogEntries(integrationId: string, filter: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: logKeys.list(integrationId, filter),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(filter);
      if (pageParam) params.set("cursor", String(pageParam));
      return fetchJson<{ entries: LogRow[]; nextCursor: number | null }>(
        `/api/integrations/${integrationId}/log?${params}`,
      );
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
      fetchJson<{ entry: LogDetail; curl: string }>(`/api/integrations/${integrationId}/log/${entryId}`),
  });
}
