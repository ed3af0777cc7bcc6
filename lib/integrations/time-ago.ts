const STEPS = [
  { limit: 60, unit: "second", seconds: 1 },
  { limit: 3_600, unit: "minute", seconds: 60 },
  { limit: 86_400, unit: "hour", seconds: 3_600 },
  { limit: 86_400 * 30, unit: "day", seconds: 86_400 },
  { limit: 86_400 * 365, unit: "month", seconds: 86_400 * 30 },
  { limit: Number.POSITIVE_INFINITY, unit: "year", seconds: 86_400 * 365 },
] as const;

/** "just now", "5 minutes ago", "3 days ago", "in 2 hours": a time relative to `now`. */
export function timeAgo(value: string | Date, now: Date = new Date()): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const diff = Math.round((now.getTime() - date.getTime()) / 1000);
  const abs = Math.abs(diff);
  if (abs < 45) return "just now";
  const step = STEPS.find((s) => abs < s.limit) ?? STEPS[STEPS.length - 1]!;
  const n = Math.max(1, Math.round(abs / step.seconds));
  const words = `${n} ${step.unit}${n === 1 ? "" : "s"}`;
  return diff >= 0 ? `${words} ago` : `in ${words}`;
}
