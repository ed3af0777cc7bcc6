"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { checkCron, nextRuns } from "@/lib/schedule/cron";
import { describeSchedule } from "@/lib/schedule/describe";
import type { SettingsFormValues } from "./form-values";
import { useIsClient } from "./use-is-client";

/** A run in the viewer's locale but the schedule's own time zone (named beside it), unlike other dates (lib/format). */
function formatIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

/** The schedule in words and its next three runs, computed in the browser with the worker's own cron code. */
export function SchedulePreview() {
  const { control } = useFormContext<SettingsFormValues>();
  const [cron, timeZone] = useWatch({ control, name: ["scheduleCron", "scheduleTimeZone"] });
  const isClient = useIsClient();
  const isValid = checkCron(cron, timeZone).ok;
  return (
    <div className="rounded-lg bg-indigo-50/60 p-4 ring-1 ring-indigo-100 sm:col-span-2" aria-live="polite">
      {isValid ? (
        <>
          <p className="text-sm text-slate-900">
            Runs <strong data-testid="schedule-text">{describeSchedule(cron, timeZone)}</strong>
          </p>
          <p className="mt-2 text-xs font-medium uppercase tracking-wide text-slate-600">Next runs</p>
          <ol className="mt-1 space-y-0.5 text-sm tabular-nums text-slate-700" data-testid="next-runs">
            {isClient
              ? nextRuns(cron, timeZone, 3).map((d) => (
                  <li key={d.toISOString()}>
                    {formatIn(d, timeZone)} <span className="text-slate-600">({timeZone})</span>
                  </li>
                ))
              : null}
          </ol>
        </>
      ) : (
        <p className="text-sm text-slate-600">Enter a valid cron expression to see when it runs.</p>
      )}
    </div>
  );
}
