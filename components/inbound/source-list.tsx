"use client";

import Link from "next/link";
import { RelativeTime } from "@/components/integrations/relative-time";
import { Alert } from "@/components/ui/alert";
import { INBOUND_KIND_LABELS } from "@/lib/inbound/model";
import { useInboundSources } from "./use-inbound";

const HEADINGS = ["Source", "May send", "Creates missing", "Last request"] as const;

/** Every inbound source with what it may send and when it last sent something. */
export function SourceList() {
  const { data, error, isPending } = useInboundSources();
  if (isPending) return <p className="text-sm text-ink-500">Loading sources…</p>;
  if (error) return <Alert>Could not load the sources: {error.message}</Alert>;
  if (data.sources.length === 0) {
    return (
      <p className="rounded-panel border border-dashed border-ink-300 bg-white p-8 text-center text-sm text-ink-600">
        No inbound sources yet. A source is an external system (HR, another LMS) that sends users or
        completions in.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-panel bg-white shadow-sm ring-1 ring-ink-200">
      <table className="min-w-full divide-y divide-ink-200 text-sm">
        <thead className="bg-ink-50 text-left text-xs font-semibold uppercase tracking-wide text-ink-500">
          <tr>
            {HEADINGS.map((h) => (
              <th key={h} scope="col" className="px-3 py-3">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-ink-100">
          {data.sources.map((s) => (
            <tr key={s.id} data-testid="inbound-source-row">
              <td className="px-3 py-3">
                <Link href={`/inbound/${s.id}`} className="font-medium text-ink-900 hover:text-brand-700">
                  {s.name}
                </Link>
                <p className="mt-0.5 truncate font-mono text-xs text-ink-500">{s.url}</p>
              </td>
              <td className="px-3 py-3">{s.kinds.map((k) => INBOUND_KIND_LABELS[k]).join(", ")}</td>
              <td className="px-3 py-3">{s.createMissing ? "Yes" : "No"}</td>
              <td className="px-3 py-3 whitespace-nowrap">
                <RelativeTime value={s.lastReceivedAt} empty="Never" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
