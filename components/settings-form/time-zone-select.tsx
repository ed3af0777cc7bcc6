"use client";

import { useMemo } from "react";
import { Controller, type ControllerRenderProps, useFormContext } from "react-hook-form";
import { Field, type FieldControl } from "@/components/ui/field";
import type { SettingsFormValues } from "./form-values";
import { useFieldError } from "./use-field-error";
import { useIsClient } from "./use-is-client";

/** Every IANA time zone this browser knows, UTC first; the current value is kept even when unknown here. */
function timeZones(current: string, isClient: boolean): string[] {
  // The server's list can differ from the browser's, so the full list is rendered in the browser only.
  const known =
    isClient && typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...known])];
}

export function TimeZoneSelect() {
  const { control } = useFormContext<SettingsFormValues>();
  const error = useFieldError("scheduleTimeZone");
  const isClient = useIsClient();
  return (
    <Controller
      control={control}
      name="scheduleTimeZone"
      render={({ field }) => (
        <Field
          label="Time zone"
          error={error}
          hint="The schedule follows this zone's clock, daylight saving included."
        >
          {(c) => <ZoneOptions control={c} field={field} isClient={isClient} />}
        </Field>
      )}
    />
  );
}

function ZoneOptions({
  control,
  field,
  isClient,
}: {
  control: FieldControl;
  field: ControllerRenderProps<SettingsFormValues, "scheduleTimeZone">;
  isClient: boolean;
}) {
  const zones = useMemo(() => timeZones(field.value, isClient), [field.value, isClient]);
  return (
    <select
      {...control}
      className="input"
      name={field.name}
      ref={field.ref}
      value={field.value}
      onBlur={field.onBlur}
      onChange={(e) => field.onChange(e.target.value)}
    >
      {zones.map((z) => (
        <option key={z} value={z}>
          {z.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
