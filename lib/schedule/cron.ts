import { Cron } from "croner";

export type CronCheck = { ok: true } | { ok: false; error: string };

/**
 * Whether this runtime can read a cron in the zone (croner goes through Intl). Lenient on purpose: a schedule
 * stored before `canonicalTimeZone` checked saves keeps running. A zone from input goes through `canonicalTimeZone`.
 */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let canonicalZones: ReadonlySet<string> | undefined;

// Fixed offsets (a browser set to one reports it); Intl lists none of them, PostgreSQL knows every one Intl resolves.
const FIXED_OFFSET_ZONE = /^Etc\/GMT[+-]\d{1,2}$/;
const AREA_LOCATION =
  /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)?$/;

/**
 * The zone's name to store: an Area/Location name as typed (`Asia/Kolkata`), any other alias by its canonical name
 * (`US/Pacific-New` → `America/Los_Angeles`, `etc/utc` → `UTC`), or null when it has none. Intl still knows names
 * the time zone database dropped (`SystemV/EST5`, `US/Pacific-New`), which PostgreSQL does not; the names Intl lists
 * as canonical, UTC and the Etc/GMT offsets PostgreSQL knows (`time-zone.db.test.ts` checks them all).
 */
export function canonicalTimeZone(zone: string): string | null {
  let name: string;
  try {
    name = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  // An Area/Location name as typed: ICU resolves current names to older ones (Asia/Kolkata to Asia/Calcutta,
  // Europe/Kyiv to Europe/Kiev), which a system's time zone data may keep only in a legacy package. Every such
  // name the time zone database has ever had is still in it (as a zone or a link), and PostgreSQL with it.
  if (AREA_LOCATION.test(zone)) return zone;
  // A runtime without the list (old browsers) cannot tell; the server, which has it, checks again.
  if (typeof Intl.supportedValuesOf !== "function") return name;
  canonicalZones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return canonicalZones.has(name) || FIXED_OFFSET_ZONE.test(name) ? name : null;
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
