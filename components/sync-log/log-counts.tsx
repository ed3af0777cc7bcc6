"use client";

import { DateTime } from "@/components/ui/date-time";
import { TEXT_SEARCH_SPAN } from "@/lib/sync-log/model";

/** "1,234 entries match" or "About 2,100,000 entries match" (an estimate says so). */
export function LogTotal({ total }: { total: { count: number; isEstimate: boolean } }) {
  const n = total.count.toLocaleString();
  return (
    <span data-testid="log-total">
      {total.isEstimate ? `About ${n}` : n} {total.count === 1 ? "entry matches" : "entries match"}.
    </span>
  );
}

/** Where a text search stopped: it reads a bounded number of entries per page, and says so. */
export function SearchedBackTo({ at }: { at: string | Date }) {
  return (
    <p className="text-sm text-slate-600" data-testid="searched-back-to">
      The text search has read the entries back to <DateTime value={at} />. It reads{" "}
      {TEXT_SEARCH_SPAN.toLocaleString()} entries at a time: “Search further back” continues, or narrow the
      dates.
    </p>
  );
}
