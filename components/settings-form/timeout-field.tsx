"use client";

import { Controller, useFormContext } from "react-hook-form";
import { Field } from "@/components/ui/field";
import type { SettingsFormValues } from "./form-values";
import { useFieldError } from "./use-field-error";

/** The request timeout, typed in seconds and kept in milliseconds as the API wants it. */
export function TimeoutField() {
  const { control } = useFormContext<SettingsFormValues>();
  const error = useFieldError("timeoutMs");
  return (
    <Controller
      control={control}
      name="timeoutMs"
      render={({ field }) => (
        <Field
          label="Timeout (seconds)"
          error={error}
          hint="How long one request may take before it counts as failed (1–120 s). A timeout often means a firewall or IP allow-list."
        >
          {(c) => (
            <input
              {...c}
              type="number"
              inputMode="decimal"
              min={1}
              max={120}
              step={1}
              className="input"
              name={field.name}
              ref={field.ref}
              onBlur={field.onBlur}
              value={Number.isFinite(field.value) ? field.value / 1000 : ""}
              onChange={(e) =>
                field.onChange(e.target.value === "" ? Number.NaN : Math.round(Number(e.target.value) * 1000))
              }
            />
          )}
        </Field>
      )}
    />
  );
}
