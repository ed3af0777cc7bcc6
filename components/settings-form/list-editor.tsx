"use client";

import { type ReactNode, useId } from "react";
import { useFormState } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { SettingsFormValues } from "./form-values";
import { errorMessage } from "./use-field-error";

type ItemControl = { id: string; "aria-describedby": string | undefined; "aria-invalid": true | undefined };

/**
 * A list of simple values (retry delays, e-mail addresses) with add and remove; each item's message comes from
 * the form's errors at `path.index`, and the list's own at `path`.
 */
export function ListEditor<T>({
  path,
  label,
  hint,
  items,
  onChange,
  newItem,
  max,
  addLabel,
  itemLabel,
  renderItem,
}: {
  path: "retrySchedule" | "notificationEmails";
  label: string;
  hint?: ReactNode;
  items: T[];
  onChange: (items: T[]) => void;
  newItem: (items: T[]) => T;
  max: number;
  addLabel: string;
  itemLabel: (index: number) => string;
  renderItem: (value: T, setItem: (value: T) => void, control: ItemControl) => ReactNode;
}) {
  const { errors } = useFormState<SettingsFormValues>();
  const baseId = useId();
  const listError = errorMessage(errors, path);
  return (
    <fieldset className="min-w-0 sm:col-span-2">
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      {hint ? <p className="mt-0.5 text-xs text-slate-500">{hint}</p> : null}
      <ul className="mt-2 space-y-2">
        {items.map((value, i) => {
          const id = `${baseId}-${i}`;
          const error = errorMessage(errors, `${path}.${i}`);
          return (
            // Items have no identity beyond their position; the inputs are controlled, so index keys are safe.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i}>
              <div className="flex items-center gap-2">
                <label htmlFor={id} className="w-14 shrink-0 text-xs text-slate-500 sm:w-20">
                  {itemLabel(i)}
                </label>
                {renderItem(value, (v) => onChange(items.map((x, j) => (j === i ? v : x))), {
                  id,
                  "aria-describedby": error ? `${id}-error` : undefined,
                  "aria-invalid": error ? true : undefined,
                })}
                <Button
                  variant="ghost"
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                  aria-label={`Remove ${itemLabel(i).toLowerCase()}`}
                >
                  ✕
                </Button>
              </div>
              {error ? (
                <p id={`${id}-error`} className="mt-1 pl-16 text-xs font-medium text-red-700 sm:pl-22">
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {listError ? <p className="mt-1 text-xs font-medium text-red-700">{listError}</p> : null}
      {items.length < max ? (
        <Button variant="secondary" className="mt-2" onClick={() => onChange([...items, newItem(items)])}>
          {addLabel}
        </Button>
      ) : null}
    </fieldset>
  );
}
