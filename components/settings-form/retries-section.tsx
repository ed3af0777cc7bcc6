"use client";

import { Controller, useFormContext } from "react-hook-form";
import { formatDuration, formatRetrySchedule } from "@/lib/integrations/format-duration";
import { FormSection } from "./form-section";
import type { SettingsFormValues } from "./form-values";
import { ListEditor } from "./list-editor";
import { TextField } from "./text-field";

const MAX_RETRIES = 10;

/** Retries of a failed delivery, the auto-disable threshold and how many requests run at once. */
export function RetriesSection() {
  const { control } = useFormContext<SettingsFormValues>();
  return (
    <FormSection
      title="Retries and failures"
      description="A failed delivery is retried on its own schedule; after the last retry it waits for the next run."
    >
      <Controller
        control={control}
        name="retrySchedule"
        render={({ field }) => (
          <ListEditor
            path="retrySchedule"
            label="Retry after (seconds)"
            hint={
              <>
                Each retry waits this long after the failure before it:{" "}
                <strong className="font-medium text-slate-700" data-testid="retry-summary">
                  {formatRetrySchedule(field.value.filter(Number.isFinite))}
                </strong>
                . A 429 or 503 with Retry-After waits at least that long.
              </>
            }
            items={field.value}
            onChange={field.onChange}
            newItem={(items) => Math.min((items.at(-1) ?? 12) * 5, 86_400)}
            max={MAX_RETRIES}
            addLabel="Add retry"
            itemLabel={(i) => `Retry ${i + 1}`}
            renderItem={(value, setItem, c) => (
              <>
                <input
                  {...c}
                  type="number"
                  min={1}
                  step={1}
                  className="input w-24 sm:w-32"
                  value={Number.isFinite(value) ? value : ""}
                  onChange={(e) => setItem(e.target.value === "" ? Number.NaN : Number(e.target.value))}
                />
                <span className="min-w-0 flex-1 text-xs text-slate-500 sm:w-24 sm:flex-none">
                  {Number.isFinite(value) ? `= ${formatDuration(value)}` : ""}
                </span>
              </>
            )}
          />
        )}
      />
      <TextField
        name="failureThreshold"
        label="Disable after failures in a row"
        isNumber
        min={1}
        max={1000}
        hint="Every failed attempt counts, any success resets the count. At the threshold the integration is disabled and the people below are told; nothing pending is lost."
      />
      <TextField
        name="concurrency"
        label="Requests at once"
        isNumber
        min={1}
        max={32}
        hint="How many completions are sent in parallel (1–32). Lower it if the receiver throttles."
      />
    </FormSection>
  );
}
