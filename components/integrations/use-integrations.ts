"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { integrationListSchema } from "@/lib/integrations/reply-schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

/** The list, with the chart's days counted as this browser's calendar has them. */
export function useIntegrations() {
  return useQuery({
    queryKey: queryKeys.integrations,
    queryFn: () => {
      const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
      return fetchJson<z.output<typeof integrationListSchema>>(
        `/api/integrations?${new URLSearchParams({ tz })}`,
      );
    },
    refetchInterval: 15_000,
  });
}
