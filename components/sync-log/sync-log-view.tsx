"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { EntrySheet } from "@/components/ui/entry-sheet";
import { FoldedFilters } from "@/components/ui/folded-filters";
import { DIAGNOSIS_LABELS } from "@/lib/delivery/model";
import { BulkActions } from "./bulk-actions";
import { LogTotal, SearchedBackTo } from "./log-counts";
import { LogDownloads } from "./log-downloads";
import { LogEntryPanel } from "./log-entry-panel";
import { LogFilters } from "./log-filters";
import { OutcomeBadge } from "./outcome-badge";
import { useLogEntries } from "./use-log";
import { useLogUrl } from "./use-log-url";

/** The sync log of one integration: filters, newest-first table, one entry in full, downloads. */
export function SyncLogView({ integrationId }: { integrationId: string }) {
  const { query: filter, form, entry: selected, setFilter, setEntry: setSelected } = useLogUrl();
  const log = useLogEntries(integrationId, filter);
  const rows = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const total = log.data?.pages[0]?.total ?? null;
  const searchedBackTo = log.data?.pages.at(-1)?.searchedBackTo ?? null;
  const exportUrl = (params: Record<string, string>) =>
    `/api/integrations/${integrationId}/log/export?${new URLSearchParams({ ...filter, ...params })}`;
  return (
    <div className="space-y-4">
      <BulkActions integrationId={integrationId} />
      <FoldedFilters activeCount={Object.keys(filter).filter((k) => k !== "runId").length}>
        {/* Remounted whenever the URL's filters change (the Log tab, a run's link, back): the form shows them. */}
        <LogFilters key={JSON.stringify(form)} initial={form} onApply={setFilter} />
      </FoldedFilters>
      {form.runId ? (
        <p className="text-sm text-slate-700" data-testid="run-filter">
          Only the attempts of run #{form.runId}.{" "}
          <button
            type="button"
            className="font-medium text-indigo-700 hover:underline"
            onClick={() => setFilter({ ...form, runId: "" })}
          >
            Show every run
          </button>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600">
          Every production attempt, newest first. Test requests are never logged here.{" "}
          {total ? <LogTotal total={total} /> : null}
        </p>
        <LogDownloads url={exportUrl} expectedRows={total?.count ?? null} />
      </div>
      {log.error ? <Alert>Could not load the log: {log.error.message}</Alert> : null}
      <div className={`grid gap-4 ${selected ? "lg:grid-cols-[1fr_28rem]" : ""}`}>
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="log-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Time
                </th>
                <th scope="col" className="px-3 py-2">
                  Result
                </th>
                <th scope="col" className="px-3 py-2">
                  Learner
                </th>
                {/* On a phone the table keeps time, result and learner; an opened entry shows the rest. */}
                <th scope="col" className="hidden px-3 py-2 md:table-cell">
                  Course
                </th>
                <th scope="col" className="hidden px-3 py-2 text-right md:table-cell">
                  Time taken
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  Error
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr
                  key={r.id}
                  className={`cursor-pointer hover:bg-slate-50 ${selected === r.id ? "bg-indigo-50" : ""}`}
                  onClick={() => setSelected(r.id)}
                >
                  {/* On a phone the time wraps below its date: to the second with its zone, it is long. */}
                  <td className="px-3 py-2 sm:whitespace-nowrap">
                    <button
                      type="button"
                      className="text-left hover:underline"
                      onClick={() => setSelected(r.id)}
                    >
                      <DateTime value={r.createdAt} precise />
                    </button>
                  </td>
                  <td className="px-3 py-2">
                    <OutcomeBadge {...r} />
                    {r.attempt > 1 ? (
                      <span className="ml-1 text-xs text-slate-500">try {r.attempt}</span>
                    ) : null}
                  </td>
                  <td className="break-all px-3 py-2 sm:break-normal">{r.userEmail ?? "—"}</td>
                  <td className="hidden px-3 py-2 md:table-cell">{r.activityName ?? "—"}</td>
                  <td className="hidden px-3 py-2 text-right tabular-nums md:table-cell">
                    {r.durationMs} ms
                  </td>
                  <td
                    className="hidden max-w-xs truncate px-3 py-2 text-red-700 sm:table-cell"
                    title={r.errorMessage ?? ""}
                  >
                    {r.diagnosis ? (
                      <span className="mr-1 font-medium" data-testid="diagnosis-label">
                        {DIAGNOSIS_LABELS[r.diagnosis]}:
                      </span>
                    ) : null}
                    {r.errorMessage ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!log.isPending && rows.length === 0 && !searchedBackTo ? (
            <p className="p-8 text-center text-sm text-slate-500">No attempts match.</p>
          ) : null}
          {log.hasNextPage ? (
            <div className="space-y-2 border-t border-slate-100 p-3 text-center">
              {searchedBackTo ? <SearchedBackTo at={searchedBackTo} /> : null}
              <Button
                variant="secondary"
                onClick={() => log.fetchNextPage()}
                disabled={log.isFetchingNextPage}
              >
                {log.isFetchingNextPage
                  ? "Loading…"
                  : searchedBackTo
                    ? "Search further back"
                    : "Older entries"}
              </Button>
            </div>
          ) : null}
        </div>
        {selected ? (
          <EntrySheet onClose={() => setSelected(null)}>
            <LogEntryPanel
              integrationId={integrationId}
              entryId={selected}
              onClose={() => setSelected(null)}
              onOpenEntry={setSelected}
            />
          </EntrySheet>
        ) : null}
      </div>
    </div>
  );
}
