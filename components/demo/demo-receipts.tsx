"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import type { demoReceiptsOutputSchema } from "@/lib/demo/schemas";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

export function DemoReceipts() {
  const { data, error, isPending } = useQuery({
    queryKey: queryKeys.demoReceipts,
    queryFn: () =>
      fetchJson<z.output<typeof demoReceiptsOutputSchema>>("/api/demo-receiver/receipts?limit=100"),
    refetchInterval: 5_000,
  });
  if (isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (error) return <Alert>Could not load what the demo receiver got: {error.message}</Alert>;
  if (data.total === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-600">
        Nothing received yet. Run the demo integration to see its payloads arrive here.
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {data.total} received in all; the latest {data.receipts.length} below.
      </p>
      <ul className="space-y-3">
        {data.receipts.map((r) => (
          <li key={r.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <div className="mb-2 flex justify-between text-xs text-slate-500">
              <DateTime value={r.receivedAt} />
              <span className="font-mono">Idempotency-Key {r.idempotencyKey ?? "—"}</span>
            </div>
            <pre className="overflow-x-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">
              {JSON.stringify(r.body, null, 2)}
            </pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
