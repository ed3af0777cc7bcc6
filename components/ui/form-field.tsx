"use client";

import { type ReactNode, useId } from "react";

/** A label, the control (given its id) and the field's validation message right under it. */
export function FormField({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-ink-800">
        {label}
      </label>
      <div className="mt-1">{children(id)}</div>
      {hint && !error ? <p className="mt-1 text-xs text-ink-500">{hint}</p> : null}
      {error ? (
        <p className="mt-1 text-xs font-medium text-danger-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
