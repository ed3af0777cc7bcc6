"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import { EntrySheet } from "@/components/ui/entry-sheet";
import { FoldedFilters } from "@/components/ui/folded-filters";
import { PagedListEnd } from "@/components/ui/paged-list-end";
import { InboundLogEntry } from "./inbound-log-entry";
import { InboundLogFilters, inboundFilterQuery } from "./inbound-log-filters";
import { OutcomeBadge } from "./outcome-badge";
import { useInboundLog } from "./use-inbound";

const HEADINGS = ["Time", "Result", "Verified by", "Items", "Reason"] as const;

/** A source's inbound log: every request, refused ones too, newest first, with one request in full and downloads. */
export function InboundLogView({ sourceId }: { sourceId: string }) {
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<number | null>(null);
  const log = useInboundLog(sourceId, filter);
  const rows = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const download = (format: "csv" | "ndjson") =>
    `/api/inbound-sources/${sourceId}/log/export?${new URLSearchParams({ ...filter, format })}`;
  return (
    <section className="space-y-4" aria-label="Inbound log">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold text-ink-900">Inbound log</h2>
        <div className="flex gap-3 text-sm">
          <a className="font-medium text-brand-700 hover:underline" href={download("csv")} download>
            Download CSV
          </a>
          <a className="font-medium text-brand-700 hover:underline" href={download("ndjson")} download>
            Download NDJSON
          </a>
        </div>
      </div>
      <FoldedFilters activeCount={Object.keys(filter).length}>
        <InboundLogFilters onApply={(f) => setFilter(inboundFilterQuery(f))} />
      </FoldedFilters>
      {log.error ? <Alert>Could not load the log: {log.error.message}</Alert> : null}
      <div className={`grid gap-4 ${selected ? "lg:grid-cols-[1fr_28rem]" : ""}`}>
        <div className="overflow-x-auto rounded-panel bg-white shadow-sm ring-1 ring-ink-200">
          <table className="min-w-full divide-y divide-ink-200 text-sm" data-testid="inbound-log-table">
            <thead className="bg-ink-50 text-left text-xs font-semibold uppercase tracking-wide text-ink-500">
              <tr>
                {HEADINGS.map((h) => (
                  <th key={h} scope="col" className="px-3 py-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {rows.map((r) => (
                <tr key={r.id} className={selected === r.id ? "bg-brand-50" : "hover:bg-ink-50"}>
                  <td className="px-3 py-2 sm:whitespace-nowrap">
                    <button
                      type="button"
                      className="text-left hover:underline"
                      onClick={() => setSelected(r.id)}
                    >
                      <DateTime value={r.receivedAt} precise />
                    </button>
                  </td>
                  <td className="px-3 py-2">
                    <OutcomeBadge outcome={r.outcome} status={r.status} />
                  </td>
                  <td className="px-3 py-2">{r.verifiedBy === "none" ? "—" : r.verifiedAs}</td>
                  <td className="px-3 py-2 tabular-nums">
                    {r.kind ? `${r.itemsOk} ok, ${r.itemsFailed} failed` : "—"}
                  </td>
                  <td className="max-w-xs truncate px-3 py-2 text-danger-700" title={r.reason ?? ""}>
                    {r.reason ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <PagedListEnd
            page={log}
            isEmpty={rows.length === 0}
            emptyText="No requests match."
            moreLabel="Older requests"
          />
        </div>
        {selected ? (
          <EntrySheet onClose={() => setSelected(null)}>
            <InboundLogEntry sourceId={sourceId} entryId={selected} onClose={() => setSelected(null)} />
          </EntrySheet>
        ) : null}
      </div>
    </section>
  );
}
