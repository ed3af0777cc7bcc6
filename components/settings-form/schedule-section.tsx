"use client";

import { useFormContext } from "react-hook-form";
import { FormSection } from "./form-section";
import type { SettingsFormValues } from "./form-values";
import { SchedulePreview } from "./schedule-preview";
import { TextField } from "./text-field";
import { TimeZoneSelect } from "./time-zone-select";

const PRESETS = [
  { label: "Every 5 minutes", cron: "*/5 * * * *" },
  { label: "Every hour", cron: "0 * * * *" },
  { label: "Every night at 02:00", cron: "0 2 * * *" },
  { label: "Weekdays at 06:00", cron: "0 6 * * 1-5" },
] as const;

/** When the integration runs: a cron expression in a time zone, in words, with its next runs. */
export function ScheduleSection() {
  const { setValue } = useFormContext<SettingsFormValues>();
  return (
    <FormSection
      title="Schedule"
      description="Each run sends every completion not yet delivered. “Run now” in the list starts one at once."
    >
      <TextField
        name="scheduleCron"
        label="Cron expression"
        placeholder="0 2 * * *"
        hint="Five fields: minute hour day-of-month month day-of-week."
        className="font-mono"
        autoComplete="off"
        spellCheck={false}
      />
      <TimeZoneSelect />
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <span className="text-xs text-slate-500">Common:</span>
        {PRESETS.map((p) => (
          <button
            key={p.cron}
            type="button"
            className="rounded-full bg-white px-2.5 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-50"
            onClick={() => setValue("scheduleCron", p.cron, { shouldDirty: true, shouldValidate: true })}
          >
            {p.label}
          </button>
        ))}
      </div>
      <SchedulePreview />
    </FormSection>
  );
}
