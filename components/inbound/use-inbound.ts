"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { inboundLogEntryReplySchema, inboundLogPageSchema } from "@/lib/inbound/log-schemas";
import type {
  CreateInboundSourceInput,
  InboundSecretReply,
  inboundSourceListSchema,
  inboundSourceReplySchema,
} from "@/lib/inbound/source-schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { inboundKeys } from "@/lib/query/keys";

export function useInboundSources() {
  return useQuery({
    queryKey: inboundKeys.sources,
    queryFn: () => fetchJson<z.output<typeof inboundSourceListSchema>>("/api/inbound-sources"),
    refetchInterval: 15_000,
  });
}

export function useInboundSource(id: string) {
  return useQuery({
    queryKey: inboundKeys.source(id),
    queryFn: () => fetchJson<z.output<typeof inboundSourceReplySchema>>(`/api/inbound-sources/${id}`),
  });
}

/** Creates a source; the reply holds its signing secret, which only this reply ever carries. */
export function useCreateInboundSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInboundSourceInput) =>
      fetchJson<InboundSecretReply>("/api/inbound-sources", { method: "POST", json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: inboundKeys.sources }),
  });
}

/** A new signing secret for the source; the old ones keep working for `overlapHours`. */
export function useRotateSecret(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (overlapHours: number) =>
      fetchJson<InboundSecretReply>(`/api/inbound-sources/${id}/rotate`, {
        method: "POST",
        json: { overlapHours },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: inboundKeys.sources }),
  });
}

/** Changes a source's name, kinds or permission to create. */
export function useUpdateInboundSource(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<CreateInboundSourceInput>) =>
      fetchJson<unknown>(`/api/inbound-sources/${id}`, { method: "PATCH", json: changes }),
    onSuccess: () => client.invalidateQueries({ queryKey: inboundKeys.sources }),
  });
}

export function useDeleteInboundSource(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<unknown>(`/api/inbound-sources/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: inboundKeys.sources }),
  });
}

export function useInboundLog(sourceId: string, filter: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: inboundKeys.log(sourceId, filter),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(filter);
      if (pageParam) params.set("cursor", String(pageParam));
      return fetchJson<z.output<typeof inboundLogPageSchema>>(
        `/api/inbound-sources/${sourceId}/log?${params}`,
      );
    },
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 10_000,
  });
}

export function useInboundLogEntry(sourceId: string, entryId: number | null) {
  return useQuery({
    enabled: entryId !== null,
    queryKey: inboundKeys.entry(sourceId, entryId ?? 0),
    queryFn: () =>
      fetchJson<z.output<typeof inboundLogEntryReplySchema>>(
        `/api/inbound-sources/${sourceId}/log/${entryId}`,
      ),
  });
}
