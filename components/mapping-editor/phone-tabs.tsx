"use client";

import { useDndContext, useDndMonitor } from "@dnd-kit/core";
import { type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { asSubject } from "./drag-drop";

const TABS = [
  { id: "fields", label: "Fields" },
  { id: "keys", label: "Keys" },
  { id: "preview", label: "Preview" },
] as const;
export type EditorTab = (typeof TABS)[number]["id"];

const MOVES: Record<string, (i: number) => number> = {
  ArrowRight: (i) => (i + 1) % TABS.length,
  ArrowLeft: (i) => (i + TABS.length - 1) % TABS.length,
  Home: () => 0,
  End: () => TABS.length - 1,
};

/**
 * Below 768 px the editor is three tabs (Fields, Keys, Preview) instead of columns. The keys show beside the
 * fields while a field is dragged (so a drag, mouse, touch or keyboard, has somewhere to land), and the Keys tab
 * opens when a key is added or a drop lands; choosing a key's source opens Fields. From 768 px: the columns as they
 * are (`isPhone` false renders the panels with no wrapper box).
 */
export function EditorPanels({
  isPhone,
  focusId,
  selectedId,
  panels,
}: {
  isPhone: boolean;
  /** The key whose name takes the focus next (a new key): it must be on screen. */
  focusId: string | null;
  /** The key choosing its source from the fields. */
  selectedId: string | null;
  panels: Record<EditorTab, ReactNode>;
}) {
  const [tab, setTab] = useState<EditorTab>("keys");
  const [lastSelected, setLastSelected] = useState(selectedId);
  const { active } = useDndContext();
  const isFieldDrag = asSubject(active?.data.current)?.kind === "field";
  // Adjusted while rendering, so the key list is shown in the same commit that focuses a new key's name.
  if (focusId !== null && tab !== "keys") setTab("keys");
  if (selectedId !== lastSelected) {
    setLastSelected(selectedId);
    setTab(selectedId === null ? "keys" : "fields");
  }
  useDndMonitor({
    onDragEnd: ({ active: dragged, over }) => {
      if (over && asSubject(dragged.data.current)?.kind === "field") setTab("keys");
    },
  });
  if (!isPhone)
    return TABS.map((t) => (
      <div key={t.id} className="contents">
        {panels[t.id]}
      </div>
    ));
  const isShown = (id: EditorTab) => id === tab || (id === "keys" && isFieldDrag);
  return (
    <>
      <EditorTabList tab={tab} onChange={setTab} />
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`editor-panel-${t.id}`}
          aria-labelledby={`editor-tab-${t.id}`}
          hidden={!isShown(t.id)}
          className="min-w-0"
        >
          {panels[t.id]}
        </div>
      ))}
    </>
  );
}

/** The tab row: one Tab stop, Left/Right (Home/End) move and open a tab, as the ARIA tabs pattern has it. */
function EditorTabList({ tab, onChange }: { tab: EditorTab; onChange: (tab: EditorTab) => void }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const move = MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    const next = move(TABS.findIndex((t) => t.id === tab));
    onChange(TABS[next]!.id);
    buttons.current[next]?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label="Mapping editor"
      onKeyDown={onKeyDown}
      className="sticky top-0 z-10 grid grid-cols-3 gap-1 rounded-lg bg-slate-100 p-1 shadow-sm"
    >
      {TABS.map((t, i) => {
        const isSelected = t.id === tab;
        return (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`editor-tab-${t.id}`}
            aria-selected={isSelected}
            aria-controls={`editor-panel-${t.id}`}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onChange(t.id)}
            className={`rounded-md px-3 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-indigo-600 ${
              isSelected ? "bg-white text-indigo-700 shadow-sm" : "text-slate-600 hover:text-slate-900"
            }`}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
