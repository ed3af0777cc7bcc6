"use client";

import { useDndContext } from "@dnd-kit/core";
import { type Dispatch, useRef, useState } from "react";
import type { EditorAction } from "./editor-state";
import { FIELD_GROUPS, matchesField } from "./field-groups";
import { PaletteField } from "./palette-field";
import { useRovingRows } from "./use-roving-rows";

/**
 * The left column: every LMS field on one line, grouped, searchable, to drag onto a key or map by click. One Tab
 * stop: Tab enters the fields, the arrow keys move between them.
 */
export function FieldPalette({
  isReadOnly,
  selected,
  dispatch,
}: {
  isReadOnly: boolean;
  selected: { id: string; key: string } | null;
  dispatch: Dispatch<EditorAction>;
}) {
  const [query, setQuery] = useState("");
  const listRef = useRef<HTMLDivElement>(null);
  const { active } = useDndContext();
  const roving = useRovingRows(listRef, active !== null);
  const groups = FIELD_GROUPS.map((g) => ({ ...g, fields: g.fields.filter((f) => matchesField(f, query)) }));
  const isEmpty = groups.every((g) => g.fields.length === 0);
  return (
    <section
      aria-labelledby="palette-heading"
      className="flex flex-col rounded-xl bg-white shadow-sm ring-1 ring-slate-200 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start"
    >
      <header className="border-b border-slate-100 px-3 pt-3 pb-2.5">
        <h2 id="palette-heading" className="text-sm font-semibold text-slate-900">
          LMS fields
        </h2>
        <p className="mt-0.5 text-xs text-slate-500">
          {isReadOnly
            ? "What a payload key can take its value from."
            : "Drag onto a key or “new key”, or use +. Arrow keys move between fields."}
        </p>
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label="Search fields"
          placeholder="Search fields…"
          className="input mt-2 py-1.5"
        />
      </header>
      {selected && !isReadOnly ? (
        <div className="flex items-center gap-2 border-b border-indigo-100 bg-indigo-50 px-4 py-2 text-xs text-indigo-900">
          <span role="status">
            Choose the source of <code className="font-mono font-semibold">{selected.key || "the key"}</code>
          </span>
          <button
            type="button"
            onClick={() => dispatch({ type: "select", id: null })}
            className="ml-auto rounded px-1.5 py-0.5 font-medium hover:bg-indigo-100"
          >
            Cancel
          </button>
        </div>
      ) : null}
      <div ref={listRef} className="space-y-2.5 overflow-y-auto px-2 py-2">
        {groups.map((g) =>
          g.fields.length === 0 ? null : (
            <section key={g.prefix} aria-labelledby={`palette-group-${g.prefix}`}>
              <h3
                id={`palette-group-${g.prefix}`}
                className="px-1.5 text-[11px] font-semibold uppercase tracking-wide text-slate-500"
              >
                {g.title}{" "}
                <span className="font-normal normal-case tracking-normal">
                  <code className="font-mono">{g.prefix}.</code> · {g.hint}
                </span>
              </h3>
              <ul className="mt-0.5" onFocus={roving.onFocus} onKeyDown={roving.onKeyDown}>
                {g.fields.map((f) => (
                  <PaletteField
                    key={f.name}
                    field={f}
                    isReadOnly={isReadOnly}
                    selectedKey={selected ? selected.key : null}
                    onMap={() => {
                      if (!selected) return;
                      dispatch({ type: "setSource", id: selected.id, source: f.name });
                      dispatch({ type: "select", id: null });
                    }}
                    onAdd={() => dispatch({ type: "addField", field: f.name })}
                  />
                ))}
              </ul>
            </section>
          ),
        )}
        {isEmpty ? (
          <p className="px-1 py-6 text-center text-sm text-slate-500">No field matches “{query.trim()}”.</p>
        ) : null}
      </div>
    </section>
  );
}
