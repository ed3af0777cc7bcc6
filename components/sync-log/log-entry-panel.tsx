"use client";

import { useRole } from "@/components/layout/use-role";
import { DiagnosisBox } from "@/components/test-tools/diagnosis-box";
import { Alert } from "@/components/ui/alert";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { DateTime } from "@/components/ui/date-time";
import { EntryClose } from "@/components/ui/entry-sheet";
import type { LogEntryDetail } from "@/lib/sync-log/schemas";
import { DeliveryActions } from "./delivery-actions";
import { DeliveryTimeline } from "./delivery-timeline";
import { OutcomeBadge } from "./outcome-badge";
import { TechnicalDetails } from "./technical-details";
import { useLogEntry } from "./use-log";

function Headers({ headers }: { headers: Record<string, string> }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs">
      {Object.entries(headers).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A failure's cause and fix first, as the test tools would say them; entries from before diagnoses were kept have none. */
function EntryDiagnosis({ entry }: { entry: LogEntryDetail }) {
  if (!entry.diagnosis || entry.outcome === "success") return null;
  return (
    <DiagnosisBox
      diagnosis={{ class: entry.diagnosis, cause: entry.diagnosisCause ?? "", fix: entry.diagnosisFix ?? "" }}
      tone={entry.outcome === "interrupted" ? "warning" : "error"}
    />
  );
}

/** Everything one attempt sent and got back (its diagnosis first), with resend/skip for its delivery. */
export function LogEntryPanel({
  integrationId,
  entryId,
  onClose,
  onOpenEntry,
}: {
  integrationId: string;
  entryId: number;
  onClose: () => void;
  onOpenEntry: (entryId: number) => void;
}) {
  const { data, error, isPending } = useLogEntry(integrationId, entryId);
  const { isAdmin } = useRole();
  return (
    <aside aria-label="Log entry" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <h2 className="text-base font-semibold">
          {data?.entry.deliveryId
            ? `Delivery #${data.entry.deliveryId} · attempt ${data.entry.attempt}`
            : `Log entry ${entryId}`}
        </h2>
        <EntryClose backTo="the log" label="Close entry" onClose={onClose} />
      </div>
      {isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
      {error ? <Alert>{error.message}</Alert> : null}
      {data ? (
        <div className="space-y-4 text-sm">
          <EntryDiagnosis entry={data.entry} />
          <div className="flex flex-wrap items-center gap-2">
            <OutcomeBadge {...data.entry} />
            <span className="text-slate-600">
              <DateTime value={data.entry.createdAt} precise /> · {data.entry.durationMs} ms · attempt{" "}
              {data.entry.attempt} · mapping v{data.entry.mappingVersion}
            </span>
          </div>
          <p>
            {data.entry.userEmail} · {data.entry.activityName}
            {data.entry.deliveryState ? (
              <span className="text-slate-500"> · delivery now {data.entry.deliveryState}</span>
            ) : null}
          </p>
          {data.entry.errorMessage ? <Alert>{data.entry.errorMessage}</Alert> : null}
          {data.entry.errorDetail ? <TechnicalDetails detail={data.entry.errorDetail} /> : null}
          {isAdmin && data.entry.deliveryId ? (
            <DeliveryActions
              integrationId={integrationId}
              deliveryId={data.entry.deliveryId}
              state={data.entry.deliveryState}
            />
          ) : null}
          {data.entry.deliveryId ? (
            <DeliveryTimeline
              integrationId={integrationId}
              deliveryId={data.entry.deliveryId}
              currentEntryId={entryId}
              onOpenEntry={onOpenEntry}
            />
          ) : null}
          <section className="space-y-2">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Request</h3>
            <p className="break-all font-mono text-xs">POST {data.entry.requestUrl}</p>
            <Headers headers={data.entry.requestHeaders} />
            <CodeBlock value={data.entry.requestBody} label="Request body" />
          </section>
          <section className="space-y-2">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Response</h3>
            <Headers headers={data.entry.responseHeaders} />
            {data.entry.responseBody ? (
              <CodeBlock value={data.entry.responseBody} label="Response body" />
            ) : (
              <p className="text-xs text-slate-500">Empty body.</p>
            )}
            {data.entry.responseTruncated ? <p className="text-xs text-amber-700">Cut at 64 KiB.</p> : null}
          </section>
          <section className="space-y-2">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
              Repeat with curl (secrets masked)
            </h3>
            <CodeBlock value={data.curl} label="curl command" />
            <CopyButton text={data.curl} label="Copy curl" />
          </section>
        </div>
      ) : null}
    </aside>
  );
}
