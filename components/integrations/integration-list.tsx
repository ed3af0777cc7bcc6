"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { useMediaQuery } from "@/components/ui/use-media-query";
import type { IntegrationListItem } from "@/lib/integrations/reply-schemas";
import { DailyChart } from "./daily-chart";
import { IntegrationActions } from "./integration-actions";
import { CountsPart, LastRunPart, NamePart, SchedulePart, StatusPart } from "./list/row-parts";
import { useIntegrations } from "./use-integrations";

const HEADINGS = ["Integration", "Status", "Deliveries", "Last 30 days"] as const;

/**
 * Every integration with how it is doing; admins also get enable/pause and run now. A table from 1024 px, cards
 * below (a phone reads them top to bottom, nothing scrolls sideways).
 */
export function IntegrationList({ canEdit }: { canEdit: boolean }) {
  const { data, error, isPending } = useIntegrations();
  const isWide = useMediaQuery("(min-width: 1024px)");
  if (isPending) return <p className="text-sm text-ink-600">Loading integrations…</p>;
  if (error) return <Alert>Could not load integrations: {error.message}</Alert>;
  if (data.integrations.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-ink-300 bg-white p-10 text-center">
        <p className="text-sm font-medium text-ink-900">No integrations yet</p>
        <p className="mt-1 text-sm text-ink-600">
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
  if (!isWide) {
    return (
      <ul className="space-y-3" aria-label="Integrations">
        {data.integrations.map((i) => (
          <IntegrationCard key={i.id} integration={i} canEdit={canEdit} />
        ))}
      </ul>
    );
  }
  return (
    <div className="rounded-xl bg-white shadow-sm ring-1 ring-ink-200">
      <table className="w-full divide-y divide-ink-200 text-sm">
        <thead className="bg-ink-50 text-left text-xs font-semibold uppercase tracking-wide text-ink-600">
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
        <tbody className="divide-y divide-ink-100">
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
      <td className="max-w-72 min-w-44 px-3 py-3">
        <NamePart integration={i} />
        <div className="mt-1 text-xs text-ink-700">
          <SchedulePart integration={i} />
        </div>
      </td>
      <td className="min-w-40 px-3 py-3">
        <StatusPart integration={i} />
        <div className="mt-1 text-xs text-ink-700">
          <LastRunPart integration={i} withLabel />
        </div>
      </td>
      <td className="px-3 py-3">
        <CountsPart integration={i} />
      </td>
      <td className="px-3 py-3">
        <DailyChart points={i.stats.daily} />
      </td>
      {canEdit ? (
        <td className="w-36 px-3 py-3 xl:w-auto">
          <IntegrationActions integration={i} />
        </td>
      ) : null}
    </tr>
  );
}

function IntegrationCard({
  integration: i,
  canEdit,
}: {
  integration: IntegrationListItem;
  canEdit: boolean;
}) {
  return (
    <li data-testid="integration-row" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-ink-200">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <NamePart integration={i} />
        </div>
        <div className="shrink-0">
          <StatusPart integration={i} />
        </div>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 text-sm text-ink-700">
        <CardFact term="Schedule">
          <SchedulePart integration={i} />
        </CardFact>
        <CardFact term="Last run">
          <LastRunPart integration={i} />
        </CardFact>
        <CardFact term="Deliveries">
          <CountsPart integration={i} />
        </CardFact>
        <CardFact term="Last 30 days">
          <DailyChart points={i.stats.daily} />
        </CardFact>
      </dl>
      {canEdit ? (
        <div className="mt-3 border-t border-ink-100 pt-3">
          <IntegrationActions integration={i} />
        </div>
      ) : null}
    </li>
  );
}

function CardFact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wide text-ink-600">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
