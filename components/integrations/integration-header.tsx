"use client";

import Link from "next/link";
import { useRole } from "@/components/layout/use-role";
import { Alert } from "@/components/ui/alert";
import { LinkTabs } from "@/components/ui/tabs";
import { DeliverySummary } from "./delivery-summary";
import { ExportButton } from "./export-button";
import { StatusBadge } from "./status-badge";
import { useIntegration } from "./use-integration";

/** Name, status and the section tabs of one integration. */
export function IntegrationHeader({ id }: { id: string }) {
  const { data, error } = useIntegration(id);
  const { isAdmin } = useRole();
  const base = `/integrations/${id}`;
  return (
    <div>
      <Link href="/integrations" className="text-sm text-slate-500 hover:text-slate-800">
        ← Integrations
      </Link>
      <div className="mt-2 mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{data?.name ?? "Integration"}</h1>
        {data ? <StatusBadge status={data.status} /> : null}
        {data && isAdmin ? (
          <span className="ml-auto">
            <ExportButton id={id} name={data.name} />
          </span>
        ) : null}
      </div>
      {error ? <Alert>Could not load this integration: {error.message}</Alert> : null}
      {data ? <DeliverySummary integrationId={id} /> : null}
      {data?.status === "auto_disabled" && data.disabledReason ? (
        <div className="mb-4">
          <Alert tone="warning">Disabled automatically: {data.disabledReason}</Alert>
        </div>
      ) : null}
      <LinkTabs
        tabs={[
          { href: base, label: "Settings", exact: true },
          { href: `${base}/mapping`, label: "Payload mapping" },
          { href: `${base}/test`, label: "Test" },
          { href: `${base}/runs`, label: "Runs" },
          { href: `${base}/log`, label: "Sync log" },
          { href: `${base}/history`, label: "History" },
          { href: `${base}/handout`, label: "Handout for IT" },
        ]}
      />
    </div>
  );
}
