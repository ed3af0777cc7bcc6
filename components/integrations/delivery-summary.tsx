"use client";

import { formatDateTime } from "@/lib/format";
import { useDeliveryCounts } from "./use-delivery-counts";

/** Where the integration's deliveries stand: due, retrying (and when the next retry is), failed. */
export function DeliverySummary({ integrationId }: { integrationId: string }) {
  const { data } = useDeliveryCounts(integrationId);
  if (!data) return null;
  const c = data.counts;
  return (
    <p className="mb-4 text-sm text-slate-700" data-testid="delivery-counts">
      <strong>{c.pending}</strong> due · <strong>{c.retrying}</strong> retrying
      {data.nextRetryAt ? ` (next at ${formatDateTime(data.nextRetryAt)})` : ""} · <strong>{c.failed}</strong>{" "}
      failed · {c.succeeded} delivered · {c.skipped} skipped
    </p>
  );
}
