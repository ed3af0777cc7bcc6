"use client";

import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/lib/format";
import { StatusBadge } from "./status-badge";
import { useIntegrations } from "./use-integrations";

export function IntegrationList() {
  const { data, error, isPending } = useIntegrations();
  if (isPending) return <p className="text-sm text-slate-500">Loading integrations…</p>;
  if (error) return <Alert>Could not load integrations: {error.message}</Alert>;
  if (data.integrations.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-600">
        No integrations yet.
      </div>
    );
  }
  return (
    <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">
              Name
            </th>
            <th scope="col" className="px-4 py-3">
              Status
            </th>
            <th scope="col" className="px-4 py-3">
              Endpoint
            </th>
            <th scope="col" className="px-4 py-3">
              Schedule
            </th>
            <th scope="col" className="px-4 py-3">
              Last run
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Pending
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Failed
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.integrations.map((i) => (
            <tr key={i.id} data-testid="integration-row">
              <td className="px-4 py-3 font-medium text-slate-900">{i.name}</td>
              <td className="px-4 py-3">
                <StatusBadge status={i.status} />
                {i.status === "auto_disabled" && i.disabledReason ? (
                  <p className="mt-1 max-w-xs text-xs text-red-700">{i.disabledReason}</p>
                ) : null}
              </td>
              <td
                className="max-w-xs truncate px-4 py-3 font-mono text-xs text-slate-600"
                title={i.endpointUrl}
              >
                {i.endpointUrl}
              </td>
              <td className="px-4 py-3 text-slate-700">{i.scheduleText}</td>
              <td className="px-4 py-3 text-slate-700">
                {i.lastRunAt ? formatDateTime(i.lastRunAt) : "Never"}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{i.stats.pending}</td>
              <td className="px-4 py-3 text-right tabular-nums">{i.stats.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
