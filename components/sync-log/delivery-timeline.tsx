"use client";

import { useQuery } from "@tanstack/react-query";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime } from "@/lib/format";
import { fetchJson } from "@/lib/query/fetch-json";
import type { DeliveryTimeline as Timeline } from "@/lib/sync-log/timeline-schemas";

const ACTION_TEXT: Record<string, string> = { "delivery.resend": "resent it", "delivery.skip": "skipped it" };

/** Every attempt of the delivery behind a log entry, who resent or skipped it, and when it is tried next. */
export function DeliveryTimeline({
  integrationId,
  deliveryId,
  currentEntryId,
  onOpenEntry,
}: {
  integrationId: string;
  deliveryId: number;
  currentEntryId: number;
  onOpenEntry: (entryId: number) => void;
}) {
  const { data } = useQuery({
    queryKey: ["sync-log", integrationId, "delivery", deliveryId],
    queryFn: () => fetchJson<Timeline>(`/api/integrations/${integrationId}/deliveries/${deliveryId}`),
  });
  if (!data) return null;
  const items = [
    ...data.attempts.map((a) => ({ at: a.at, kind: "attempt" as const, a })),
    ...data.actions.map((x) => ({ at: x.at, kind: "action" as const, x })),
  ].sort((p, q) => p.at.localeCompare(q.at));
  return (
    <section className="space-y-2" aria-label="Delivery timeline">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">This delivery</h3>
      <ol className="space-y-1 text-xs" data-testid="delivery-timeline">
        {items.map((item) =>
          item.kind === "attempt" ? (
            <li key={`a${item.a.entryId}`} className="flex gap-2">
              <DateTime value={item.a.at} precise className="w-40 shrink-0 text-slate-500" />
              <button
                type="button"
                className={`text-left hover:underline ${item.a.entryId === currentEntryId ? "font-semibold" : ""}`}
                onClick={() => onOpenEntry(item.a.entryId)}
              >
                attempt {item.a.attempt}: {item.a.status ? `HTTP ${item.a.status}` : item.a.outcome}
                {item.a.outcome === "success"
                  ? " (delivered)"
                  : item.a.errorMessage
                    ? ` · ${item.a.errorMessage}`
                    : ""}
              </button>
            </li>
          ) : (
            <li key={`x${item.at}${item.x.action}`} className="flex gap-2 text-slate-700">
              <DateTime value={item.x.at} precise className="w-40 shrink-0 text-slate-500" />
              <span>
                {item.x.by.replace(/ \((session|token)\)$/, "")} {ACTION_TEXT[item.x.action] ?? item.x.action}
              </span>
            </li>
          ),
        )}
      </ol>
      <p className="text-xs text-slate-600">
        Now {data.delivery.state}
        {data.delivery.nextAttemptAt ? `; next attempt ${formatDateTime(data.delivery.nextAttemptAt)}` : ""}.
      </p>
    </section>
  );
}
