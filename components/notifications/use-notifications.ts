"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { notificationsOutputSchema } from "@/lib/notifications/schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () => fetchJson<z.output<typeof notificationsOutputSchema>>("/api/notifications?limit=100"),
    refetchInterval: 30_000,
  });
}
