"use client";

import { type FocusEvent, type KeyboardEvent, type RefObject, useLayoutEffect, useState } from "react";

const FOCUSABLE = "button, a[href], input, select, textarea, [tabindex]";
const ROW = "[data-roving-row]";
const MOVES = ["ArrowDown", "ArrowUp", "Home", "End"];

function rowsOf(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(ROW)];
}

function focusablesOf(row: HTMLElement): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) =>
      !(el as HTMLButtonElement).disabled && !el.closest("[hidden]") && el.getAttribute("role") !== "option",
  );
}

/** Arrow keys move from a button (or an input marked `data-roving-arrows`); text boxes and menus keep theirs. */
function movesFrom(target: HTMLElement): boolean {
  if (target.tagName === "BUTTON" || target.tagName === "A") return true;
  return target.tagName === "INPUT" && target.hasAttribute("data-roving-arrows");
}

/**
 * One Tab stop for a list of rows (the rows marked `data-roving-row` inside `ref`): Tab enters the list at the
 * row last used and goes through that row's controls; Up and Down (Home, End) move to the same control (same
 * `data-roving-cell`) of the next row. Other rows' controls get tabindex -1, set on the DOM after each render, as dnd-kit sets its own.
 * `isSuspended` hands the arrow keys to a drag in progress.
 */
export function useRovingRows(ref: RefObject<HTMLElement | null>, isSuspended: boolean) {
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) return;
    const rows = rowsOf(container);
    const current = Math.min(active, rows.length - 1);
    rows.forEach((row, i) => {
      for (const el of focusablesOf(row)) {
        if (i === current) {
          if (el.dataset.rovingOff === undefined) continue;
          const original = el.dataset.rovingOff;
          if (original === "") el.removeAttribute("tabindex");
          else el.setAttribute("tabindex", original);
          delete el.dataset.rovingOff;
        } else if (el.dataset.rovingOff === undefined || el.getAttribute("tabindex") !== "-1") {
          el.dataset.rovingOff = el.dataset.rovingOff ?? el.getAttribute("tabindex") ?? "";
          el.setAttribute("tabindex", "-1");
        }
      }
    });
  });

  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const container = ref.current;
    const row = (e.target as HTMLElement).closest<HTMLElement>(ROW);
    if (!container || !row) return;
    const index = rowsOf(container).indexOf(row);
    if (index >= 0 && index !== active) setActive(index);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const container = ref.current;
    const target = e.target as HTMLElement;
    if (!container || isSuspended || !MOVES.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    if (!movesFrom(target)) return;
    const row = target.closest<HTMLElement>(ROW);
    if (!row) return;
    const rows = rowsOf(container);
    const from = rows.indexOf(row);
    const to =
      e.key === "Home" ? 0 : e.key === "End" ? rows.length - 1 : from + (e.key === "ArrowDown" ? 1 : -1);
    const next = rows[to];
    if (from < 0 || !next || to === from) return;
    e.preventDefault();
    const controls = focusablesOf(next);
    // The same control in the next row: by its data-roving-cell name, else by its place in the row.
    const cell = target.dataset.rovingCell;
    const same = cell ? controls.find((c) => c.dataset.rovingCell === cell) : undefined;
    const index = Math.max(0, focusablesOf(row).indexOf(target));
    setActive(to);
    // The row's tabindex is restored on the next render; focus() works on tabindex -1 meanwhile.
    (same ?? controls[Math.min(index, controls.length - 1)] ?? next).focus();
  };

  return { onFocus, onKeyDown };
}
