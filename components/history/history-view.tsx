"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import type { HistoryReply } from "@/lib/audit/schemas";
import { fetchJson } from "@/lib/query/fetch-json";

/** A value of the diff as one short line; long ones (a mapping entry, a list) are cut with their length. */
function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** Who changed what and when in one integration: settings field by field, mapping versions, status, deliveries. */
export function HistoryView({ integrationId }: { integrationId: string }) {
  const history = useInfiniteQuery({
    queryKey: ["history", integrationId],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      fetchJson<HistoryReply>(
        `/api/integrations/${integrationId}/history${pageParam ? `?before=${pageParam}` : ""}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const events = history.data?.pages.flatMap((p) => p.events) ?? [];
  if (history.error) return <Alert>Could not load the history: {history.error.message}</Alert>;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Every change, newest first. Secrets are named when they change, never shown.
      </p>
      <ol className="space-y-3" data-testid="history">
        {events.map((e) => (
          <li key={e.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium text-slate-900">{e.summary}</p>
              <p className="text-xs text-slate-500">
                <DateTime value={e.at} /> · {e.by}
              </p>
            </div>
            {e.changes.length > 0 ? (
              <table className="mt-2 w-full text-sm">
                <tbody>
                  {e.changes.map((c) => (
                    <tr key={c.field} className="align-top">
                      <th scope="row" className="w-48 py-1 pr-3 text-left font-normal text-slate-600">
                        {c.label}
                      </th>
                      <td className="break-all py-1 font-mono text-xs text-red-800 line-through decoration-red-300">
                        {show(c.old)}
                      </td>
                      <td className="px-2 py-1 text-slate-400">→</td>
                      <td className="break-all py-1 font-mono text-xs text-emerald-800">{show(c.new)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {e.secretsChanged.length > 0 ? (
              <p className="mt-2 text-xs text-slate-600">
                Secrets changed: {e.secretsChanged.join(", ")} (values never shown)
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {!history.isPending && events.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing has changed yet.</p>
      ) : null}
      {history.hasNextPage ? (
        <Button
          variant="secondary"
          onClick={() => history.fetchNextPage()}
          disabled={history.isFetchingNextPage}
        >
          {history.isFetchingNextPage ? "Loading…" : "Older changes"}
        </Button>
      ) : null}
    </div>
  );
}
