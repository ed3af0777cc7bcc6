"use client";

import { Alert } from "@/components/ui/alert";
import { CodeBlock } from "@/components/ui/code-block";
import { DateTime } from "@/components/ui/date-time";
import { EntryClose } from "@/components/ui/entry-sheet";
import { OutcomeBadge } from "./outcome-badge";
import { useInboundLogEntry } from "./use-inbound";

/** One inbound request: how it was verified, each refused item's problems, and the body as received. */
export function InboundLogEntry({
  sourceId,
  entryId,
  onClose,
}: {
  sourceId: string;
  entryId: number;
  onClose: () => void;
}) {
  const { data, error, isPending } = useInboundLogEntry(sourceId, entryId);
  const entry = data?.entry;
  return (
    <aside aria-label="Inbound request" className="rounded-panel bg-white p-5 shadow-sm ring-1 ring-ink-200">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <h2 className="text-base font-semibold">Request {entryId}</h2>
        <EntryClose backTo="the inbound log" label="Close request" onClose={onClose} />
      </div>
      {isPending ? <p className="text-sm text-ink-500">Loading…</p> : null}
      {error ? <Alert>{error.message}</Alert> : null}
      {entry ? (
        <div className="space-y-4 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <OutcomeBadge outcome={entry.outcome} status={entry.status} />
            <span className="text-ink-600">
              <DateTime value={entry.receivedAt} precise /> ·{" "}
              {entry.verifiedBy === "none" ? "not verified" : entry.verifiedAs}
              {entry.messageId ? ` · webhook-id ${entry.messageId}` : ""}
            </span>
          </div>
          {entry.reason ? <Alert tone={entry.status >= 400 ? "error" : "info"}>{entry.reason}</Alert> : null}
          {entry.kind ? (
            <p>
              {entry.itemsOk} {entry.kind} stored, {entry.itemsFailed} refused
            </p>
          ) : null}
          {entry.itemErrors.length > 0 ? (
            <section className="space-y-2">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-500">Refused items</h3>
              <ul className="space-y-1" data-testid="item-errors">
                {entry.itemErrors.flatMap(({ index, errors }) =>
                  errors.map((e) => (
                    <li key={`${index}-${e.field}-${e.message}`}>
                      <span className="font-mono text-xs">
                        #{index} {e.field || "item"}
                      </span>{" "}
                      {e.message}
                    </li>
                  )),
                )}
              </ul>
            </section>
          ) : null}
          <section className="space-y-2">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-500">
              Body ({entry.bodyBytes} bytes)
            </h3>
            {entry.body ? (
              <CodeBlock value={entry.body} label="Request body" />
            ) : (
              <p className="text-xs text-ink-500">Empty.</p>
            )}
            {entry.bodyTruncated ? <p className="text-xs text-warning-800">Cut at 64 KiB.</p> : null}
          </section>
        </div>
      ) : null}
    </aside>
  );
}
