"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { notificationsOutputSchema } from "@/lib/notifications/schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

type Inbox = z.output<typeof notificationsOutputSchema>;

const PAGE = 50;

/** The unread count for the header (the newest notification comes with it); polled. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...queryKeys.notifications, "unread"],
    queryFn: () => fetchJson<Inbox>("/api/notifications?limit=1"),
    select: (inbox) => inbox.unread,
    refetchInterval: 30_000,
  });
}

/** The inbox, newest first, a page at a time ("Older notifications"); polled. */
export function useInbox() {
  return useInfiniteQuery({
    queryKey: [...queryKeys.notifications, "inbox"],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      fetchJson<Inbox>(`/api/notifications?limit=${PAGE}${pageParam ? `&before=${pageParam}` : ""}`),
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 30_000,
  });
}
