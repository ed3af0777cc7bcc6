"use client";

import type { ReactNode } from "react";

/**
 * The popup list of a combobox (ARIA 1.2 pattern): the input keeps the focus and points at the active option
 * with aria-activedescendant, so options are never focused; a mouse click picks one without blurring the input.
 */
export function OptionList<T>({
  id,
  label,
  items,
  active,
  isOpen,
  itemKey,
  onPick,
  onHover,
  children,
  empty,
}: {
  id: string;
  label: string;
  items: readonly T[];
  active: number;
  isOpen: boolean;
  itemKey: (item: T) => string;
  onPick: (item: T) => void;
  onHover: (index: number) => void;
  children: (item: T) => ReactNode;
  empty?: ReactNode;
}) {
  return (
    <div
      id={id}
      role="listbox"
      aria-label={label}
      hidden={!isOpen}
      className="absolute inset-x-0 top-full z-30 mt-1 max-h-72 overflow-y-auto rounded-md bg-white py-1 text-xs shadow-lg ring-1 ring-slate-200"
    >
      {items.map((item, i) => (
        <div
          key={itemKey(item)}
          id={`${id}-${i}`}
          role="option"
          tabIndex={-1}
          aria-selected={i === active}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(item)}
          // The combobox input handles the keys; this only serves an option that got focus some other way.
          onKeyDown={(e) => {
            if (e.key === "Enter") onPick(item);
          }}
          onMouseEnter={() => onHover(i)}
          className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-indigo-50" : ""}`}
        >
          {children(item)}
        </div>
      ))}
      {items.length === 0 && empty ? <div className="px-3 py-2 text-slate-500">{empty}</div> : null}
    </div>
  );
}
