"use client";

import { useDndContext } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { type Dispatch, useRef } from "react";
import type { TraceResult } from "@/lib/mapping";
import type { RowIssue } from "./contract-marks";
import type { EditorAction, EditorState } from "./editor-state";
import type { EntryIssues } from "./issues";
import { KeyRow } from "./key-row";
import { NewKeyZone } from "./new-key-zone";
import { useRovingRows } from "./use-roving-rows";

const NO_ISSUES: EntryIssues = { key: [], source: [], transforms: [], warnings: [] };

/**
 * The middle column: the payload keys in order, each a drop target for fields and sortable itself. One Tab stop:
 * Tab enters the key last used and goes through its controls; Up and Down move to the next key from a button or
 * the key's name.
 */
export function KeyList({
  state,
  issues,
  coverage,
  trace,
  isReadOnly,
  dispatch,
}: {
  state: EditorState;
  issues: EntryIssues[];
  /** Warnings a row shows beside its own: statusMap coverage, the receiver's schema (each with its entry's index). */
  coverage: RowIssue[];
  trace: TraceResult | null;
  isReadOnly: boolean;
  dispatch: Dispatch<EditorAction>;
}) {
  const { entries } = state;
  const listRef = useRef<HTMLOListElement>(null);
  const { active } = useDndContext();
  const roving = useRovingRows(listRef, active !== null);
  return (
    <section aria-labelledby="keys-heading" className="min-w-0">
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <div>
          <h2
            id="keys-heading"
            tabIndex={-1}
            className="text-sm font-semibold text-slate-900 focus:outline-none"
          >
            Payload keys
          </h2>
          <p className="text-xs text-slate-500">
            In payload order; a dot nests (<code className="font-mono">employee.id</code>). Transforms run
            left to right, separated by <code className="font-mono">|</code>.
          </p>
        </div>
        <span className="shrink-0 text-xs text-slate-500">
          {entries.length} {entries.length === 1 ? "key" : "keys"}
        </span>
      </div>
      {entries.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
          <p className="font-medium text-slate-800">No keys yet: every payload would be {"{}"}.</p>
          {isReadOnly ? null : (
            <p className="mt-1">
              Drag a field from the left onto “new key” below, or use “New key” on a field.
            </p>
          )}
        </div>
      ) : null}
      <SortableContext items={entries.map((e) => e.id)} strategy={verticalListSortingStrategy}>
        <ol
          ref={listRef}
          onFocus={roving.onFocus}
          onKeyDown={roving.onKeyDown}
          className="space-y-2"
          aria-label="Payload keys"
        >
          {entries.map((entry, index) => (
            <KeyRow
              key={entry.id}
              entry={entry}
              index={index}
              isReadOnly={isReadOnly}
              isSelected={state.selectedId === entry.id}
              shouldFocus={state.focusId === entry.id}
              issues={issues[index] ?? NO_ISSUES}
              extraWarnings={coverage.filter((c) => c.index === index)}
              trace={trace?.entries[index]}
              hasRecord={trace !== null}
              dispatch={dispatch}
            />
          ))}
        </ol>
      </SortableContext>
      {isReadOnly ? null : <NewKeyZone onAddConstant={() => dispatch({ type: "addConstant" })} />}
    </section>
  );
}
