"use client";

import { useQuery } from "@tanstack/react-query";
import type { Notification } from "@/db/schema";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

export type NotificationItem = Omit<Notification, "createdAt" | "readAt" | "emailedAt"> & {
  createdAt: string;
  readAt: string | null;
  emailedAt: string | null;
};

export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () =>
      fetchJson<{ notifications: NotificationItem[]; unread: number }>("/api/notifications?limit=100"),
    refetchInterval: 30_000,
  });
}
