import { Cron } from "croner";

export type CronCheck = { ok: true } | { ok: false; error: string };

/** Whether an IANA time zone name is known to this runtime. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Validates a five-field cron expression (minute hour day month weekday) in a time zone. */
export function checkCron(expression: string, timeZone = "UTC"): CronCheck {
  if (expression.trim().split(/\s+/).length !== 5) {
    return {
      ok: false,
      error: "Use five fields: minute hour day-of-month month day-of-week (e.g. 0 2 * * *)",
    };
  }
  if (!isValidTimeZone(timeZone)) return { ok: false, error: `Unknown time zone "${timeZone}"` };
  try {
    new Cron(expression, { timezone: timeZone, paused: true });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : "invalid cron expression" };
  }
}

/** The next `count` times the schedule fires after `from`. */
export function nextRuns(expression: string, timeZone: string, count: number, from = new Date()): Date[] {
  if (!checkCron(expression, timeZone).ok) return [];
  return new Cron(expression, { timezone: timeZone, paused: true }).nextRuns(count, from);
}

/** The first time the schedule fires strictly after `after`, or null. */
export function nextRunAfter(expression: string, timeZone: string, after: Date): Date | null {
  return nextRuns(expression, timeZone, 1, after)[0] ?? null;
}

/** The latest time the schedule fired in (`after`, `now`], or null when it has not fired since `after`. */
export function latestFireBetween(expression: string, timeZone: string, after: Date, now: Date): Date | null {
  if (!checkCron(expression, timeZone).ok) return null;
  const cron = new Cron(expression, { timezone: timeZone, paused: true });
  const latest = cron.previousRuns(1, now)[0] ?? null;
  // previousRuns looks strictly before `now`; a fire exactly at `now` counts as fired.
  const exact = cron.nextRun(new Date(now.getTime() - 1));
  const candidate = exact && exact.getTime() === now.getTime() ? exact : latest;
  return candidate && candidate > after ? candidate : null;
}
