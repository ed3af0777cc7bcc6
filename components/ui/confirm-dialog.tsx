"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { Button } from "./button";

/** A modal confirmation on the native <dialog> (focus trapped, Escape cancels). */
export function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  tone = "danger",
  isBusy = false,
  onConfirm,
  onCancel,
}: {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  isBusy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-md rounded-panel p-0 shadow-xl ring-1 ring-ink-200 backdrop:bg-ink-900/40"
    >
      <div className="px-6 py-5">
        <h2 id={titleId} className="text-base font-semibold text-ink-900">
          {title}
        </h2>
        <div className="mt-2 text-sm text-ink-600">{children}</div>
      </div>
      <div className="flex justify-end gap-2 border-t border-ink-100 bg-ink-50 px-6 py-3">
        <Button variant="secondary" onClick={onCancel} disabled={isBusy}>
          Cancel
        </Button>
        <Button variant={tone} onClick={onConfirm} disabled={isBusy}>
          {isBusy ? "Working…" : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
