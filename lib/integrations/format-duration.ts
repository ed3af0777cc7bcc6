const UNITS = [
  { seconds: 86_400, short: "d", one: "day", many: "days" },
  { seconds: 3_600, short: "h", one: "h", many: "h" },
  { seconds: 60, short: "min", one: "min", many: "min" },
] as const;

/** A number of seconds as people say it: 45 s, 1 min, 1 h 30 min, 2 days. */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) return "—";
  const rounded = Math.round(totalSeconds);
  if (rounded < 60) return `${rounded} s`;
  const parts: string[] = [];
  let rest = rounded;
  for (const unit of UNITS) {
    const n = Math.floor(rest / unit.seconds);
    rest -= n * unit.seconds;
    if (n > 0) parts.push(`${n} ${n === 1 ? unit.one : unit.many}`);
  }
  if (rest > 0) parts.push(`${rest} s`);
  return parts.slice(0, 2).join(" ");
}

/** A retry schedule as the settings show it: "1 min, 5 min, 30 min", or "no retries". */
export function formatRetrySchedule(seconds: readonly number[]): string {
  return seconds.length === 0 ? "no retries" : seconds.map(formatDuration).join(", ");
}
