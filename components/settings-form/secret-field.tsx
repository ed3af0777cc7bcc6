"use client";

import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format";
import type { SecretName } from "@/lib/integrations/schemas";
import { timeAgo } from "@/lib/integrations/time-ago";
import { useFormExtras } from "./form-extras";
import type { SettingsFormValues } from "./form-values";
import { useFieldError } from "./use-field-error";

/**
 * A write-only secret: when one is stored the form shows "set · changed 3 days ago" and a Replace button, never
 * the value (the API does not have it to give); a new value is sent only when typed.
 */
export function SecretField({
  name,
  label,
  hint,
  optional,
}: {
  name: SecretName;
  label: string;
  hint?: string;
  optional?: boolean;
}) {
  const { register, setValue } = useFormContext<SettingsFormValues>();
  const { storedSecrets, canEdit } = useFormExtras();
  const stored = storedSecrets[name];
  // Replacing belongs to the stored value it replaces: once a save stores a new one, the field shows "set" again.
  const [replacing, setReplacing] = useState<string | null>(null);
  const isReplacing = replacing !== null && replacing === (stored?.changedAt ?? "");
  const setIsReplacing = (on: boolean) => setReplacing(on ? (stored?.changedAt ?? "") : null);
  const path = `secrets.${name}` as const;
  const error = useFieldError(path);

  if (stored && !isReplacing) {
    return (
      <fieldset className="min-w-0">
        <legend className="text-sm font-medium text-slate-800">{label}</legend>
        <div
          className="mt-1 flex min-h-9 flex-wrap items-center gap-2 text-sm"
          data-testid={`secret-${name}`}
        >
          <span className="inline-flex items-center gap-1.5 rounded-md bg-emerald-50 px-2 py-0.5 font-medium text-emerald-800 ring-1 ring-inset ring-emerald-600/20">
            set
          </span>
          <span className="text-slate-600" title={formatDateTime(stored.changedAt)}>
            · changed {timeAgo(stored.changedAt)}
          </span>
          {canEdit ? (
            <>
              <span className="text-slate-400">·</span>
              <Button
                variant="secondary"
                onClick={() => setIsReplacing(true)}
                aria-label={`Replace ${label}`}
              >
                Replace
              </Button>
            </>
          ) : null}
        </div>
        {error ? <p className="mt-1 text-xs font-medium text-red-700">{error}</p> : null}
      </fieldset>
    );
  }
  return (
    <Field label={label} hint={hint} error={error} optional={optional}>
      {(control) => (
        <div className="flex gap-2">
          <input
            {...control}
            type="password"
            className="input font-mono"
            autoComplete="new-password"
            spellCheck={false}
            placeholder={stored ? "New value" : undefined}
            {...register(path)}
          />
          {stored ? (
            <Button
              variant="ghost"
              onClick={() => {
                setValue(path, "", { shouldDirty: true });
                setIsReplacing(false);
              }}
            >
              Keep current
            </Button>
          ) : null}
        </div>
      )}
    </Field>
  );
}
