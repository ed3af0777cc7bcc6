"use client";

import { useDraggable } from "@dnd-kit/core";
import { useId, useState } from "react";
import type { FieldInfo } from "@/lib/mapping";
import { fieldDragId } from "./drag-drop";
import { ChevronIcon, GripIcon, PlusIcon } from "./icons";
import { TypeBadge } from "./type-badge";

const control =
  "rounded p-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600";

/**
 * One LMS field on one line: drag it (the whole row with the mouse, its handle with the keyboard), add it as a
 * new key, or Map it onto the selected key. Its name opens the description (also shown on hover). The name is
 * the part after the group's prefix ("email" under User); the full name is in its title and accessible names.
 */
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
  const [isOpen, setOpen] = useState(false);
  const detailsId = useId();
  const local = field.name.slice(field.name.indexOf(".") + 1);
  return (
    <li
      ref={setNodeRef}
      {...(isReadOnly ? {} : listeners)}
      data-testid="palette-field"
      data-field={field.name}
      data-roving-row=""
      title={`${field.name}: ${field.label}. ${field.description.replaceAll("`", "")}`}
      className={`rounded-md border bg-white px-1.5 py-1 transition ${
        isDragging ? "border-indigo-400 opacity-50" : "border-transparent"
      } ${isReadOnly ? "" : "cursor-grab hover:border-indigo-300 hover:bg-indigo-50/40 active:cursor-grabbing"}`}
    >
      <div className="flex items-center gap-1">
        {isReadOnly ? null : (
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            data-roving-cell="drag"
            aria-label={`Drag field ${field.name}`}
            className={`${control} shrink-0 text-slate-400`}
          >
            <GripIcon />
          </button>
        )}
        <button
          type="button"
          data-roving-cell="details"
          aria-expanded={isOpen}
          aria-controls={detailsId}
          aria-label={field.name}
          onClick={() => setOpen((o) => !o)}
          className="flex min-w-0 flex-1 items-center gap-1 rounded px-0.5 text-left focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <code className="min-w-0 truncate font-mono text-xs font-semibold whitespace-nowrap text-slate-900">
            {local}
          </code>
          <ChevronIcon isOpen={isOpen} />
        </button>
        <TypeBadge type={field.type} isNullable={field.nullable} />
        {isReadOnly ? null : selectedKey !== null ? (
          <button
            type="button"
            data-roving-cell="map"
            onClick={onMap}
            aria-label={`Map ${field.name} onto ${selectedKey || "the selected key"}`}
            className="shrink-0 rounded bg-indigo-600 px-1.5 py-0.5 text-[11px] font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600"
          >
            Map
          </button>
        ) : (
          <button
            type="button"
            data-roving-cell="add"
            onClick={onAdd}
            aria-label={`Add a new key from ${field.name}`}
            title="New key from this field"
            className={`${control} shrink-0 text-indigo-700`}
          >
            <PlusIcon />
          </button>
        )}
      </div>
      <div id={detailsId} hidden={!isOpen} className="mt-1 pb-1 pl-6 text-xs leading-snug text-slate-600">
        <p>
          <code className="font-mono text-slate-500">{field.name}</code> ·{" "}
          <span className="font-medium text-slate-700">{field.label}.</span>{" "}
          <WithCode text={field.description} />
        </p>
      </div>
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
