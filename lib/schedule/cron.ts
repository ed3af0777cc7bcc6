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
