"use client";

import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { customHeadersSchema, headerRowProblem } from "@/lib/integrations/field-schemas";
import type { HeaderRow, SettingsFormValues } from "./form-values";
import { ListHeading } from "./list-heading";
import { useFieldError } from "./use-field-error";

/** The shared schema's verdict on one header row, so a problem shows while typing, beside its row. */
function rowProblem(row: HeaderRow, rows: HeaderRow[], index: number): string | null {
  const name = row.name.trim();
  if (name === "" && row.value === "") return null;
  if (name === "") return "Enter the header name";
  const problem = headerRowProblem(customHeadersSchema, name, row.value);
  if (problem) return problem;
  const isRepeated = rows.some((r, i) => i > index && r.name.trim().toLowerCase() === name.toLowerCase());
  return isRepeated ? "This header is repeated below; only the last one is sent" : null;
}

/** Extra headers sent with every request, as name/value rows. */
export function HeadersEditor() {
  const { control, register } = useFormContext<SettingsFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "customHeaders" });
  const rows = useWatch({ control, name: "customHeaders" });
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
          const problem = rowProblem(row, rows, i);
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
