"use client";

import { useDraggable } from "@dnd-kit/core";
import type { FieldInfo } from "@/lib/mapping";
import { fieldDragId } from "./drag-drop";
import { GripIcon, PlusIcon } from "./icons";
import { TypeBadge } from "./type-badge";

/** One LMS field: drag it (whole card with the mouse, its handle with the keyboard), or Map / add it by click. */
export function PaletteField({
  field,
  isReadOnly,
  selectedKey,
  onMap,
  onAdd,
}: {
  field: FieldInfo;
  isReadOnly: boolean;
  selectedKey: string | null;
  onMap: () => void;
  onAdd: () => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: fieldDragId(field.name),
    data: { kind: "field", field: field.name },
    disabled: isReadOnly,
  });
  return (
    <li
      ref={setNodeRef}
      {...(isReadOnly ? {} : listeners)}
      data-testid="palette-field"
      data-field={field.name}
      className={`group rounded-lg border bg-white p-2 transition ${
        isDragging ? "border-indigo-400 opacity-50" : "border-slate-200"
      } ${isReadOnly ? "" : "cursor-grab hover:border-indigo-300 hover:shadow-sm active:cursor-grabbing"}`}
    >
      <div className="flex items-center gap-1.5">
        {isReadOnly ? null : (
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            aria-label={`Drag field ${field.name}`}
            className="-ml-0.5 rounded p-0.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <GripIcon />
          </button>
        )}
        <code className="min-w-0 font-mono text-xs font-semibold break-all text-slate-900">{field.name}</code>
        <span className="ml-auto">
          <TypeBadge type={field.type} isNullable={field.nullable} />
        </span>
      </div>
      <p className="mt-1 text-xs leading-snug text-slate-600">
        <span className="font-medium text-slate-700">{field.label}.</span>{" "}
        <WithCode text={field.description} />
      </p>
      {isReadOnly ? null : (
        <div className="mt-1.5 flex flex-wrap gap-1.5">
          {selectedKey !== null ? (
            <button
              type="button"
              onClick={onMap}
              aria-label={`Map ${field.name} onto ${selectedKey || "the selected key"}`}
              className="rounded bg-indigo-600 px-2 py-0.5 text-xs font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600"
            >
              Map → <span className="font-mono">{selectedKey || "key"}</span>
            </button>
          ) : null}
          <button
            type="button"
            onClick={onAdd}
            aria-label={`Add a new key from ${field.name}`}
            className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <PlusIcon /> New key
          </button>
        </div>
      )}
    </li>
  );
}

/** Text with `backticked` parts set as code, as the field catalogue writes transform examples. */
function WithCode({ text }: { text: string }) {
  return text.split("`").map((part, i) =>
    i % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reordered
      <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[11px]">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
