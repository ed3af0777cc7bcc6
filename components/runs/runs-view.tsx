"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { fetchJson } from "@/lib/query/fetch-json";
import { runKeys } from "@/lib/query/keys";
import type { RunOutput, runsPageSchema } from "@/lib/sync/schemas";
import { formatDuration, hasLog, runLogHref, TRIGGER_LABELS } from "./describe-run";

type RunsPage = z.output<typeof runsPageSchema>;

const STATUS_STYLES: Record<RunOutput["status"], string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-indigo-100 text-indigo-800",
  completed: "bg-emerald-100 text-emerald-800",
  stopped: "bg-amber-100 text-amber-800",
  failed: "bg-red-100 text-red-800",
};

const HEADINGS = ["Started", "Trigger", "Status", "Duration", "Sent", "Accepted", "To retry", "Failed", ""];

/** The integration's sync runs, newest first; while one is queued or running, the page follows it every second. */
export function RunsView({ integrationId }: { integrationId: string }) {
  const runs = useInfiniteQuery({
    queryKey: runKeys.list(integrationId),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      fetchJson<RunsPage>(
        `/api/integrations/${integrationId}/runs${pageParam ? `?cursor=${pageParam}` : ""}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query) => (query.state.data?.pages[0]?.runs.some((r) => !r.done) ? 1000 : 15_000),
  });
  const rows = runs.data?.pages.flatMap((p) => p.runs) ?? [];
  if (runs.error) return <Alert>Could not load the runs: {runs.error.message}</Alert>;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Every sync run, newest first: what started it, how long it took, what it sent and what stopped it.
      </p>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="runs-table">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              {HEADINGS.map((h, i) => (
                <th key={h || i} scope="col" className={`px-3 py-2 ${i >= 3 && i < 8 ? "text-right" : ""}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((run) => (
              <RunRow key={run.id} integrationId={integrationId} run={run} />
            ))}
          </tbody>
        </table>
      </div>
      {!runs.isPending && rows.length === 0 ? (
        <p className="text-sm text-slate-500">No run yet: the schedule or Run now starts one.</p>
      ) : null}
      {runs.hasNextPage ? (
        <Button variant="secondary" onClick={() => runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
          {runs.isFetchingNextPage ? "Loading…" : "Older runs"}
        </Button>
      ) : null}
    </div>
  );
}

function RunRow({ integrationId, run }: { integrationId: string; run: RunOutput }) {
  const num = "px-3 py-2 text-right tabular-nums";
  return (
    <tr data-testid="run-row" data-run-id={run.id} className="align-top">
      <td className="px-3 py-2 whitespace-nowrap">
        {run.startedAt ? <DateTime value={run.startedAt} /> : <span className="text-slate-500">waiting</span>}
      </td>
      <td className="px-3 py-2">{TRIGGER_LABELS[run.trigger] ?? run.trigger}</td>
      <td className="px-3 py-2">
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[run.status]}`}>
          {run.status}
        </span>
        {run.error ? <p className="mt-1 max-w-md text-xs text-red-700">{run.error}</p> : null}
      </td>
      <td className={num}>{formatDuration(run.durationMs)}</td>
      <td className={num}>{run.sent.toLocaleString("en-US")}</td>
      <td className={num}>{run.accepted.toLocaleString("en-US")}</td>
      <td className={num}>{run.retried.toLocaleString("en-US")}</td>
      <td className={num}>{run.failed.toLocaleString("en-US")}</td>
      <td className="px-3 py-2 whitespace-nowrap">
        {hasLog(run) ? (
          <Link
            className="font-medium text-indigo-700 hover:underline"
            href={runLogHref(integrationId, run.id)}
            aria-label={`Log of run ${run.id}`}
          >
            Log
          </Link>
        ) : null}
      </td>
    </tr>
  );
}
