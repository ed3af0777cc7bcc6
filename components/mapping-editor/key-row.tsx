"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { type Dispatch, useEffect, useId, useRef, useState } from "react";
import type { TraceEntry } from "@/lib/mapping";
import { ChainInput } from "./chain-input";
import { asSubject } from "./drag-drop";
import type { EditorAction, EditorEntry } from "./editor-state";
import { ChevronIcon, CloseIcon, GripIcon } from "./icons";
import { IssueList, type ShownIssue } from "./issue-list";
import { type EntryIssues, suggestionAction } from "./issues";
import { KeySource } from "./key-source";
import { TraceView } from "./trace-view";

export type KeyRowProps = {
  entry: EditorEntry;
  index: number;
  isReadOnly: boolean;
  isSelected: boolean;
  shouldFocus: boolean;
  issues: EntryIssues;
  /** statusMap coverage warnings for this entry. */
  extraWarnings: ShownIssue[];
  trace: TraceEntry | undefined;
  hasRecord: boolean;
  dispatch: Dispatch<EditorAction>;
};

const iconButton =
  "rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600";

/** One payload key: its name, source, transform chain (with problems where they are), output and trace. */
export function KeyRow(p: KeyRowProps) {
  const { entry, index, isReadOnly, issues, trace, dispatch } = p;
  const sortable = useSortable({ id: entry.id, data: { kind: "entry", id: entry.id }, disabled: isReadOnly });
  const isFieldOver = sortable.isOver && asSubject(sortable.active?.data.current)?.kind === "field";
  const [isTraceOpen, setTraceOpen] = useState(false);
  const keyRef = useRef<HTMLInputElement>(null);
  const ids = { key: useId(), chain: useId(), trace: useId() };

  useEffect(() => {
    if (!p.shouldFocus) return;
    keyRef.current?.focus();
    keyRef.current?.select();
    dispatch({ type: "focused" });
  }, [p.shouldFocus, dispatch]);

  const name = entry.key || `entry ${index + 1}`;
  const warnings = [...issues.warnings.filter((w) => w.field === "transforms"), ...p.extraWarnings];
  const otherWarnings = issues.warnings.filter((w) => w.field !== "transforms");
  const hasErrors = issues.key.length + issues.source.length + issues.transforms.length > 0;
  const tone = isFieldOver
    ? "border-indigo-400 bg-indigo-50/70 ring-2 ring-indigo-300"
    : p.isSelected
      ? "border-indigo-400 ring-2 ring-indigo-200"
      : hasErrors
        ? "border-red-300"
        : "border-slate-200";

  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      data-testid="key-row"
      data-key={entry.key}
      data-roving-row=""
      className={`relative rounded-lg border bg-white px-3 py-2.5 shadow-sm transition-colors ${tone} ${
        sortable.isDragging ? "z-10 opacity-80 shadow-lg" : ""
      }`}
    >
      <div className="flex gap-2">
        {isReadOnly ? null : (
          <button
            type="button"
            ref={sortable.setActivatorNodeRef}
            {...sortable.attributes}
            {...sortable.listeners}
            data-roving-cell="reorder"
            aria-label={`Reorder key ${name}`}
            className={`${iconButton} mt-1.5 cursor-grab self-start active:cursor-grabbing`}
          >
            <GripIcon />
          </button>
        )}
        <div className="min-w-0 flex-1 space-y-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <input
              ref={keyRef}
              data-roving-cell="key"
              data-roving-arrows=""
              aria-label={`Payload key ${index + 1}`}
              aria-invalid={issues.key.length > 0 || undefined}
              aria-describedby={issues.key.length > 0 ? ids.key : undefined}
              value={entry.key}
              disabled={isReadOnly}
              spellCheck={false}
              autoComplete="off"
              placeholder="key, e.g. employee.id"
              onChange={(e) => dispatch({ type: "setKey", id: entry.id, key: e.target.value })}
              className={`input w-36 py-1.5 font-mono text-sm font-semibold ${issues.key.length > 0 ? "ring-red-400" : ""}`}
            />
            <span aria-hidden="true" className="text-slate-400">
              ←
            </span>
            <KeySource
              source={entry.source}
              name={name}
              isDisabled={isReadOnly}
              isInvalid={issues.source.length > 0}
              onChange={(source) => dispatch({ type: "setSource", id: entry.id, source })}
            />
          </div>
          <IssueList
            id={ids.key}
            text={entry.key}
            errors={[...issues.key, ...issues.source]}
            warnings={otherWarnings}
            onApply={isReadOnly ? undefined : (i) => dispatch(suggestionAction(entry, "source", i))}
          />
          <ChainInput
            value={entry.transforms}
            onChange={(transforms) => dispatch({ type: "setTransforms", id: entry.id, transforms })}
            label={`Transforms of ${name}`}
            isDisabled={isReadOnly}
            isInvalid={issues.transforms.length > 0}
            describedBy={issues.transforms.length + warnings.length > 0 ? ids.chain : undefined}
          />
          <IssueList
            id={ids.chain}
            text={entry.transforms}
            errors={issues.transforms}
            warnings={warnings}
            onApply={isReadOnly ? undefined : (i) => dispatch(suggestionAction(entry, "transforms", i))}
          />
          <div className="flex min-h-6 items-center gap-2">
            <RowOutput trace={trace} hasRecord={p.hasRecord} />
            <div className="ml-auto flex shrink-0 items-center gap-0.5">
              {isReadOnly ? null : (
                <button
                  type="button"
                  aria-pressed={p.isSelected}
                  aria-label={`Select ${name} to map a field onto it`}
                  title="Select this key, then choose Map on a field"
                  onClick={() => dispatch({ type: "select", id: p.isSelected ? null : entry.id })}
                  className={`rounded px-2 py-0.5 text-xs font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                    p.isSelected
                      ? "bg-indigo-600 text-white hover:bg-indigo-500"
                      : "text-slate-600 hover:bg-slate-100"
                  }`}
                >
                  {p.isSelected ? "Selected" : "Select"}
                </button>
              )}
              <button
                type="button"
                aria-expanded={isTraceOpen}
                aria-controls={ids.trace}
                aria-label={`Trace of ${name}`}
                onClick={() => setTraceOpen((o) => !o)}
                className={`${iconButton} inline-flex items-center gap-1 px-1.5 py-0.5 text-xs font-medium`}
              >
                <ChevronIcon isOpen={isTraceOpen} /> Trace
              </button>
              {isReadOnly ? null : (
                <button
                  type="button"
                  aria-label={`Remove key ${name}`}
                  title="Remove this key"
                  onClick={() => dispatch({ type: "remove", id: entry.id })}
                  className={`${iconButton} hover:bg-red-50 hover:text-red-700`}
                >
                  <CloseIcon />
                </button>
              )}
            </div>
          </div>
          {isTraceOpen ? (
            <TraceView
              id={ids.trace}
              trace={trace}
              hasRecord={p.hasRecord}
              sourceLabel={typeof entry.source === "string" ? entry.source : "constant"}
            />
          ) : null}
        </div>
      </div>
      {isFieldOver ? (
        <p className="pointer-events-none absolute top-1 right-3 rounded bg-indigo-600 px-1.5 py-0.5 text-[11px] font-medium text-white">
          Drop to map onto {name}
        </p>
      ) : null}
    </li>
  );
}

/** What this key carries in the preview's payload, or why it is not there. */
function RowOutput({ trace, hasRecord }: { trace: TraceEntry | undefined; hasRecord: boolean }) {
  if (!hasRecord || !trace || trace.error) return null;
  if (trace.omitted)
    return (
      <p
        data-testid="row-output"
        className="min-w-0 truncate text-xs text-slate-400 italic"
        title={trace.omitReason}
      >
        Not sent for this completion: {trace.omitReason}
      </p>
    );
  if (trace.output === undefined) return null;
  const text = JSON.stringify(trace.output);
  return (
    <p data-testid="row-output" className="flex min-w-0 items-baseline gap-1.5 text-xs text-slate-500">
      <span aria-hidden="true">→</span>
      <span className="sr-only">Preview value:</span>
      <code className="truncate font-mono text-emerald-700" title={text}>
        {text}
      </code>
    </p>
  );
}
