"use client";

import type { ReactNode } from "react";
import { type FieldPath, useFormContext } from "react-hook-form";
import { INTEGRATION_DEFAULTS, INTEGRATION_LIMITS } from "@/lib/integrations/model";
import { FormSection } from "./form-section";
import type { SettingsFormValues } from "./form-values";
import { TextField } from "./text-field";

const { min, max } = INTEGRATION_LIMITS.syncDebounceSeconds;

/** Besides the schedule: a run soon after a completion arrives, and sending a changed completion again. */
export function WhenToSendSection() {
  return (
    <FormSection
      title="When to send"
      description="Besides the schedule, a run can start within seconds of a new or changed completion."
    >
      <Option name="syncOnCompletion" label="Sync on completion">
        A new or changed completion starts a run after the wait below, in addition to the schedule.
      </Option>
      <TextField
        name="syncDebounceSeconds"
        label="Wait before that run (seconds)"
        isNumber
        min={min}
        max={max}
        hint={`The run starts this long after the first new completion; whatever arrives meanwhile goes with it, so a burst is one run (${min}–${max}, default ${INTEGRATION_DEFAULTS.syncDebounceSeconds}).`}
      />
      <Option name="resendOnUpdate" label="Resend on update">
        A completion already sent is sent again when it changes (a better score, a new status). Its
        Idempotency-Key then ends in <span className="font-mono">.r</span> and the revision, so the receiver
        can tell a correction from a repeat.
      </Option>
    </FormSection>
  );
}

function Option({
  name,
  label,
  children,
}: {
  name: FieldPath<SettingsFormValues>;
  label: string;
  children: ReactNode;
}) {
  const { register } = useFormContext<SettingsFormValues>();
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700 sm:col-span-2">
      <input type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" {...register(name)} />
      <span>
        {label}
        <span className="block text-xs text-slate-500">{children}</span>
      </span>
    </label>
  );
}
