"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { toLocalInput } from "@/lib/format";
import { EMPTY_FILTER, type LogFilterState, toQuery } from "./log-filters";

const FILTER_KEYS = Object.keys(EMPTY_FILTER) as (keyof LogFilterState)[];

/**
 * The log page's state lives in its URL (filters, and the open entry as `entry`), so a reload keeps it and a link
 * shares exactly what one sees.
 */
export function useLogUrl() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = useMemo(() => {
    const out: Record<string, string> = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [params]);
  /** The filters as the form shows them (times in the browser's zone). */
  const form = useMemo<LogFilterState>(() => {
    const f = { ...EMPTY_FILTER, ...query };
    return { ...f, from: f.from ? toLocalInput(f.from) : "", to: f.to ? toLocalInput(f.to) : "" };
  }, [query]);
  const entryParam = Number(params.get("entry"));
  const entry = Number.isInteger(entryParam) && entryParam > 0 ? entryParam : null;
  const go = useCallback(
    (next: Record<string, string>) => {
      const qs = new URLSearchParams(next).toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  const setFilter = useCallback((f: LogFilterState) => go(toQuery(f)), [go]);
  const setEntry = useCallback(
    (id: number | null) => go({ ...query, ...(id === null ? {} : { entry: String(id) }) }),
    [go, query],
  );
  return { query, form, entry, setFilter, setEntry };
}
