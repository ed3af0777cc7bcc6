"use client";

import { useMemo } from "react";
import { useFormContext } from "react-hook-form";
import { Field } from "@/components/ui/field";
import type { SettingsFormValues } from "./form-values";
import { useFieldError } from "./use-field-error";
import { useIsClient } from "./use-is-client";

/** This browser's zone first, then UTC, then every IANA zone the browser knows (rendered in the browser only). */
function zoneChoices(isClient: boolean): string[] {
  if (!isClient) return ["UTC"];
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([own, "UTC", ...known].filter(Boolean))];
}

/**
 * The schedule's time zone: typed to search (“cope” finds Europe/Copenhagen), with this browser's zone offered
 * first. The form's schema checks that the zone exists.
 */
export function TimeZoneSelect() {
  const { register } = useFormContext<SettingsFormValues>();
  const error = useFieldError("scheduleTimeZone");
  const isClient = useIsClient();
  const zones = useMemo(() => zoneChoices(isClient), [isClient]);
  return (
    <Field
      label="Time zone"
      error={error}
      hint={`Type to search, e.g. “London”. The schedule follows this zone's clock, daylight saving included.${
        isClient ? ` This browser is in ${zones[0]}.` : ""
      }`}
    >
      {(c) => (
        <>
          <input
            {...c}
            className="input font-mono"
            list="time-zone-choices"
            autoComplete="off"
            spellCheck={false}
            {...register("scheduleTimeZone")}
          />
          <datalist id="time-zone-choices">
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
