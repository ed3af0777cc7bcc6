"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import type { IntegrationListItem } from "@/lib/integrations/reply-schemas";
import { DailyChart } from "./daily-chart";
import { IntegrationActions } from "./integration-actions";
import { RelativeTime } from "./relative-time";
import { StatusBadge } from "./status-badge";
import { useIntegrations } from "./use-integrations";

const HEADINGS = ["Integration", "Status", "Schedule", "Last run", "Not yet sent", "Last 30 days"] as const;

/** Every integration with how it is doing; admins also get enable/pause and run now. */
export function IntegrationList({ canEdit }: { canEdit: boolean }) {
  const { data, error, isPending } = useIntegrations();
  if (isPending) return <p className="text-sm text-slate-500">Loading integrations…</p>;
  if (error) return <Alert>Could not load integrations: {error.message}</Alert>;
  if (data.integrations.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
        <p className="text-sm font-medium text-slate-900">No integrations yet</p>
        <p className="mt-1 text-sm text-slate-600">
          An integration sends course completions to one receiving system on a schedule.
        </p>
        {canEdit ? (
          <ButtonLink href="/integrations/new" className="mt-4">
            New integration
          </ButtonLink>
        ) : null}
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            {HEADINGS.map((h) => (
              <th key={h} scope="col" className="px-3 py-3 whitespace-nowrap">
                {h}
              </th>
            ))}
            {canEdit ? (
              <th scope="col" className="px-3 py-3 text-right">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.integrations.map((i) => (
            <IntegrationRow key={i.id} integration={i} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function IntegrationRow({ integration: i, canEdit }: { integration: IntegrationListItem; canEdit: boolean }) {
  return (
    <tr data-testid="integration-row" className="align-top">
      <td className="max-w-64 px-3 py-3">
        <Link href={`/integrations/${i.id}`} className="font-medium text-slate-900 hover:text-indigo-700">
          {i.name}
        </Link>
        <p className="mt-0.5 truncate font-mono text-xs text-slate-500" title={i.endpointUrl}>
          {i.endpointUrl}
        </p>
      </td>
      <td className="min-w-40 px-3 py-3 whitespace-nowrap">
        <StatusBadge status={i.status} />
        {i.status === "auto_disabled" && i.disabledReason ? (
          <p className="mt-1 max-w-56 text-xs whitespace-normal text-red-700">{i.disabledReason}</p>
        ) : null}
      </td>
      <td className="min-w-36 px-3 py-3 text-slate-700">
        {i.scheduleText}
        {i.syncOnCompletion || i.resendOnUpdate ? (
          <p className="text-xs text-slate-500" data-testid="when-to-send">
            {[
              i.syncOnCompletion ? `and ${i.syncDebounceSeconds} s after a new completion` : null,
              i.resendOnUpdate ? "resends changed completions" : null,
            ]
              .filter(Boolean)
              .join("; ")}
          </p>
        ) : null}
      </td>
      <td className="px-3 py-3 whitespace-nowrap text-slate-700">
        <RelativeTime value={i.lastRunAt} empty="Never" />
        <p className="text-xs text-slate-500">
          Last success: <RelativeTime value={i.lastSuccessAt} empty="none yet" />
        </p>
      </td>
      <td className="px-3 py-3 whitespace-nowrap tabular-nums" data-testid="queue-counts">
        <p className="text-slate-700">{i.stats.pending} pending</p>
        <p className={`text-xs ${i.stats.failed > 0 ? "font-medium text-red-700" : "text-slate-500"}`}>
          {i.stats.failed} failed
        </p>
      </td>
      <td className="px-3 py-3">
        <DailyChart points={i.stats.daily} />
      </td>
      {canEdit ? (
        <td className="px-3 py-3">
          <IntegrationActions integration={i} />
        </td>
      ) : null}
    </tr>
  );
}
