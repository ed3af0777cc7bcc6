"use client";

import { useDndContext, useDroppable } from "@dnd-kit/core";
import { asSubject, NEW_KEY_ID } from "./drag-drop";
import { PlusIcon } from "./icons";

/** Where a field is dropped to become a new key; also the "Add constant" button. */
export function NewKeyZone({ onAddConstant }: { onAddConstant: () => void }) {
  const { active } = useDndContext();
  const activeKind = asSubject(active?.data.current)?.kind;
  // Disabled while a key is dragged, so reordering (mouse or arrow keys) never aims at it.
  const { setNodeRef, isOver } = useDroppable({
    id: NEW_KEY_ID,
    data: { kind: "new-key" },
    disabled: activeKind === "entry",
  });
  const isFieldDrag = activeKind === "field";
  return (
    <div
      ref={setNodeRef}
      data-testid="new-key-zone"
      className={`mt-2 flex flex-wrap items-center justify-between gap-2 rounded-lg border-2 border-dashed px-4 py-3 text-sm transition-colors ${
        isOver
          ? "border-indigo-500 bg-indigo-50 text-indigo-800"
          : isFieldDrag
            ? "border-indigo-300 bg-indigo-50/40 text-indigo-700"
            : "border-slate-200 text-slate-500"
      }`}
    >
      <span>
        <span className="font-medium">New key</span> — drop a field here to add a key named after it.
      </span>
      <button
        type="button"
        onClick={onAddConstant}
        className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-semibold text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <PlusIcon /> Add constant
      </button>
    </div>
  );
}
