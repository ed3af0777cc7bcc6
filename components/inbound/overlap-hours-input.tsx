"use client";

import { INBOUND_LIMITS } from "@/lib/inbound/model";

/** How long the secrets in use keep working after a rotation, in hours (0 ends them at once). */
export function OverlapHoursInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (hours: number) => void;
}) {
  return (
    <label className="text-xs font-medium text-ink-600">
      {label}
      <input
        className="input mt-1 w-28"
        type="number"
        min={0}
        max={INBOUND_LIMITS.maxOverlapHours}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}
