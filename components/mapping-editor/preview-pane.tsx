"use client";

import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/lib/format";
import type { MappingIssue, TraceResult } from "@/lib/mapping";
import { ContractStatus } from "./contract-issues";
import { withinEntry } from "./issues";
import { JsonView } from "./json-view";
import { LearnerPicker } from "./learner-picker";
import type { PreviewPayload } from "./preview-payload";
import type { useContractCheck } from "./use-contract-check";
import type { usePreviewSource } from "./use-preview-source";

type Source = ReturnType<typeof usePreviewSource>;
type Contract = ReturnType<typeof useContractCheck>;

/** The right column: a learner and completion, the payload built live in the browser, what is left out and why. */
export function PreviewPane({
  source,
  trace,
  shown,
  contract,
  warnings,
  className = "",
}: {
  source: Source;
  trace: TraceResult | null;
  shown: PreviewPayload | null;
  /** The payload checked against the receiver's schema (use-contract-check.ts). */
  contract: Contract;
  warnings: string[];
  className?: string;
}) {
  const { learner, records, record } = source;
  return (
    <section
      aria-labelledby="preview-heading"
      className={`flex min-w-0 flex-col rounded-xl bg-white shadow-sm ring-1 ring-slate-200 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start ${className}`}
    >
      <header className="border-b border-slate-100 px-4 py-3">
        <h2
          id="preview-heading"
          tabIndex={-1}
          className="text-sm font-semibold text-slate-900 focus:outline-none"
        >
          Live preview
        </h2>
        <p className="mt-0.5 text-xs text-slate-500">
          Built in your browser by the code the sync runs, on every edit. Nothing is sent.
        </p>
      </header>
      <div className="space-y-4 overflow-y-auto px-4 py-4">
        <LearnerPicker onSelect={source.selectLearner} />
        {learner ? (
          <div data-testid="preview-learner" className="rounded-md bg-slate-50 px-3 py-2 text-xs">
            <p className="font-medium text-slate-900">
              {learner.firstName} {learner.lastName}
              {learner.organisation ? (
                <span className="font-normal text-slate-500"> · {learner.organisation}</span>
              ) : null}
            </p>
            <p className="truncate font-mono text-slate-600">
              {learner.userName} · {learner.email}
            </p>
          </div>
        ) : null}
        {records.length > 0 && record ? (
          <div>
            <label htmlFor="preview-completion" className="block text-xs font-medium text-slate-700">
              Completion
            </label>
            <select
              id="preview-completion"
              value={record.completionId}
              onChange={(e) => source.selectCompletion(Number(e.target.value))}
              className="input mt-1 py-1.5 text-xs"
            >
              {records.map((r) => (
                <option key={r.completionId} value={r.completionId}>
                  {r.activity.activityName} · {formatDateTime(r.completion.completionDate)} · result{" "}
                  {r.completion.bestCombined}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <PreviewBody source={source} trace={trace} shown={shown} contract={contract} />
        {warnings.length > 0 ? (
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-amber-800">
              Warnings ({warnings.length})
            </h3>
            <ul className="mt-1 space-y-1">
              {warnings.map((w, i) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: two warnings may read the same
                  key={i}
                  data-testid="preview-warning"
                  className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900"
                >
                  {w}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}

function PreviewBody({
  source,
  trace,
  shown,
  contract,
}: {
  source: Source;
  trace: TraceResult | null;
  shown: PreviewPayload | null;
  contract: Contract;
}) {
  if (source.error) return <Alert>Could not load the preview data: {source.error.message}</Alert>;
  if (source.isLoading)
    return (
      <div className="space-y-2" aria-busy="true">
        <p className="text-xs text-slate-500">Loading completions…</p>
        <div className="h-40 animate-pulse rounded-lg bg-slate-100" />
      </div>
    );
  if (source.hasNoLearners)
    return (
      <p className="text-sm text-slate-500">
        No learner has completed a course yet, so there is nothing to preview.
      </p>
    );
  if (!source.record || !trace)
    return (
      <p className="rounded-md border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-slate-500">
        {source.learner
          ? `${source.learner.userName} has no completions yet; find another learner.`
          : "Find a learner to preview."}
      </p>
    );
  const notSent = trace.entries.filter((e) => e.omitted || e.error);
  // Errors of one entry show under "Not in this payload"; these concern the whole mapping or record.
  const general = trace.errors.filter((e) => e.index === null);
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Payload</h3>
        {shown?.payload ? (
          <CopyButton text={JSON.stringify(shown.payload, null, 2)} label="Copy JSON" variant="ghost" />
        ) : null}
      </div>
      {shown?.payload ? <JsonView value={shown.payload} label="Payload JSON" /> : null}
      {shown?.payload ? <ContractStatus integrationId={source.integrationId} contract={contract} /> : null}
      {shown && shown.leftOut.length > 0 ? (
        <p className="text-xs text-red-700">
          {shown.payload ? "Shown without" : "No payload:"} {shown.leftOut.length}{" "}
          {shown.leftOut.length === 1 ? "key that has" : "keys that have"} errors; this completion could not
          be sent until they are fixed.
        </p>
      ) : null}
      {general.length === 0 ? null : (
        <ul className="space-y-1">
          {general.map((e: MappingIssue) => (
            <li key={e.message} className="text-xs text-red-700">
              {e.message}
            </li>
          ))}
        </ul>
      )}
      {notSent.length > 0 ? (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Not in this payload
          </h3>
          <ul className="mt-1 space-y-1">
            {notSent.map((e) => (
              <li key={e.index} data-testid="omitted-key" className="text-xs text-slate-400">
                <code className="font-mono text-slate-500 line-through decoration-slate-300">
                  {e.key || `entry ${e.index + 1}`}
                </code>{" "}
                — {e.omitted ? e.omitReason : e.error ? withinEntry(e.error) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
