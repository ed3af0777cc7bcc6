"use client";

import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { timeAgo } from "@/lib/integrations/time-ago";
import { useFormExtras } from "./form-extras";
import type { SettingsFormValues } from "./form-values";
import { secretHeaderProblem } from "./header-problems";
import { ListHeading } from "./list-heading";

/**
 * Headers whose values are secret (a tenant key): typed once, stored encrypted, sent with every request and never
 * shown again. A stored one can be replaced or removed; its value is not in the page.
 */
export function SecretHeadersEditor() {
  const { control, register, setValue } = useFormContext<SettingsFormValues>();
  const { storedSecretHeaders, canEdit } = useFormExtras();
  const { fields, append, remove } = useFieldArray({ control, name: "secretHeaders" });
  const rows = useWatch({ control, name: "secretHeaders" });
  const visible = useWatch({ control, name: "customHeaders" }).map((h) => h.name.trim().toLowerCase());
  return (
    <div className="sm:col-span-2">
      <ListHeading
        id="secret-headers-label"
        title="Secret headers"
        hint="For values nobody should read back, such as a tenant key: stored encrypted, masked in the log, never shown again."
      />
      <ul className="mt-2 space-y-2" aria-labelledby="secret-headers-label">
        {fields.map((f, i) => {
          const row = rows[i] ?? f;
          const problem = secretHeaderProblem(row, visible);
          const stored = row.isStored ? storedSecretHeaders[row.name] : undefined;
          return (
            <li key={f.id} data-testid={`secret-header-${i + 1}`}>
              <div className="flex flex-wrap items-center gap-2">
                {row.isStored ? (
                  <span className="input w-auto min-w-40 font-mono">{row.name}</span>
                ) : (
                  <input
                    className="input font-mono"
                    placeholder="X-Tenant-Key"
                    aria-label={`Secret header ${i + 1} name`}
                    autoComplete="off"
                    {...register(`secretHeaders.${i}.name`)}
                  />
                )}
                {row.isRemoved ? (
                  <span className="text-sm text-slate-600">removed when you save</span>
                ) : (
                  <input
                    type="password"
                    className="input flex-1 font-mono"
                    placeholder={row.isStored ? "set · type to replace" : "value"}
                    title={stored ? `set ${formatDateTime(stored.changedAt)}` : undefined}
                    aria-label={`Secret header ${i + 1} value`}
                    autoComplete="new-password"
                    {...register(`secretHeaders.${i}.value`)}
                  />
                )}
                {stored && !row.isRemoved ? (
                  <span className="text-xs text-slate-500">set · changed {timeAgo(stored.changedAt)}</span>
                ) : null}
                {canEdit ? (
                  <Button
                    variant="ghost"
                    aria-label={`${row.isRemoved ? "Keep" : "Remove"} secret header ${i + 1}`}
                    onClick={() =>
                      row.isStored
                        ? setValue(`secretHeaders.${i}.isRemoved`, !row.isRemoved, { shouldDirty: true })
                        : remove(i)
                    }
                  >
                    {row.isRemoved ? "Undo" : "✕"}
                  </Button>
                ) : null}
              </div>
              {problem ? <p className="mt-1 text-xs font-medium text-red-700">{problem}</p> : null}
            </li>
          );
        })}
      </ul>
      <Button
        variant="secondary"
        className="mt-2"
        onClick={() => append({ name: "", value: "", isStored: false, isRemoved: false })}
      >
        Add secret header
      </Button>
    </div>
  );
}
