"use client";

import { type ReactNode, useEffect, useLayoutEffect, useRef } from "react";
import { Button } from "./button";
import { PHONE_MEDIA } from "./use-media-query";

/**
 * One entry of a long table, opened. From 768 px a panel beside the table (sticky from 1024 px, so an entry opened
 * low in the list opens where the eye is); below 768 px a full-screen page over the table, its Back button focused,
 * that Escape closes too, and everything behind it inert (out of the Tab order and the accessibility tree, as behind a
 * modal dialog). Closing gives the focus back to what opened it.
 */
export function EntrySheet({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const latestClose = useRef(onClose);
  useLayoutEffect(() => {
    latestClose.current = onClose;
  });
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const isPhone = window.matchMedia(PHONE_MEDIA).matches;
    const behind = isPhone && ref.current ? makeInertAround(ref.current) : [];
    if (isPhone) ref.current?.querySelector<HTMLElement>("[data-sheet-back] button")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && e.target instanceof Node && ref.current?.contains(e.target))
        latestClose.current();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      for (const element of behind) element.inert = false;
      if (opener && opener !== document.body && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <div
      ref={ref}
      className="fixed inset-0 z-40 overflow-y-auto overscroll-contain bg-ink-50 p-2 md:static md:z-auto md:self-start md:overflow-visible md:bg-transparent md:p-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
    >
      {children}
    </div>
  );
}

/** Makes every element beside `sheet` and beside each of its ancestors inert; returns them, to undo it. */
function makeInertAround(sheet: HTMLElement): HTMLElement[] {
  const made: HTMLElement[] = [];
  for (let node: HTMLElement | null = sheet; node && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement?.children ?? []) {
      if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert) {
        sibling.inert = true;
        made.push(sibling);
      }
    }
  }
  return made;
}

/**
 * An opened entry's way out: "Back to …" on a phone (its own row, above the heading), ✕ beside the heading from
 * 768 px. Only one of the two is shown (and so in the accessibility tree) at a time.
 */
export function EntryClose({
  backTo,
  label,
  onClose,
}: {
  backTo: string;
  label: string;
  onClose: () => void;
}) {
  return (
    <>
      <span data-sheet-back className="order-first basis-full md:hidden">
        <Button variant="secondary" onClick={onClose}>
          ← Back to {backTo}
        </Button>
      </span>
      <span className="hidden md:block">
        <Button variant="ghost" onClick={onClose} aria-label={label}>
          ✕
        </Button>
      </span>
    </>
  );
}
