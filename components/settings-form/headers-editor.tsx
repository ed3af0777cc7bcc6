"use client";

import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { SettingsFormValues } from "./form-values";
import { visibleHeaderProblem } from "./header-problems";
import { ListHeading } from "./list-heading";
import { useFieldError } from "./use-field-error";

/** Extra headers sent with every request, as name/value rows. */
export function HeadersEditor() {
  const { control, register } = useFormContext<SettingsFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "customHeaders" });
  const rows = useWatch({ control, name: "customHeaders" });
  const secrets = useWatch({ control, name: "secretHeaders" });
  const listError = useFieldError("customHeaders");
  return (
    <div className="sm:col-span-2">
      <ListHeading
        id="custom-headers-label"
        title="Custom headers"
        hint="Sent with every request, e.g. a tenant ID. Content-Type, Authorization, Idempotency-Key and the like are set by LMS Sync."
      />
      <ul className="mt-2 space-y-2" aria-labelledby="custom-headers-label">
        {fields.map((f, i) => {
          const row = rows[i] ?? { name: "", value: "" };
          const problem = visibleHeaderProblem(row, rows, i, secrets);
          const problemId = `header-${f.id}-problem`;
          return (
            <li key={f.id}>
              <div className="flex gap-2">
                <input
                  className="input font-mono"
                  placeholder="X-Tenant-Id"
                  aria-label={`Header ${i + 1} name`}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? problemId : undefined}
                  autoComplete="off"
                  {...register(`customHeaders.${i}.name`)}
                />
                <input
                  className="input font-mono"
                  placeholder="value"
                  aria-label={`Header ${i + 1} value`}
                  autoComplete="off"
                  {...register(`customHeaders.${i}.value`)}
                />
                <Button variant="ghost" onClick={() => remove(i)} aria-label={`Remove header ${i + 1}`}>
                  ✕
                </Button>
              </div>
              {problem ? (
                <p id={problemId} className="mt-1 text-xs font-medium text-red-700">
                  {problem}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {listError ? <p className="mt-1 text-xs font-medium text-red-700">{listError}</p> : null}
      <Button variant="secondary" className="mt-2" onClick={() => append({ name: "", value: "" })}>
        Add header
      </Button>
    </div>
  );
}
