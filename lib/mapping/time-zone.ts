// IANA time zones through Intl, so the browser and the worker agree without shipping a zone database.

import { utcMs } from "./iso";
import { nearest } from "./suggest";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  const cached = formatters.get(zone);
  if (cached) return cached;
  try {
    const f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    // Keyed by the name as written ("europe/oslo" too), so bound it against odd spellings.
    if (formatters.size >= 1_000) formatters.clear();
    formatters.set(zone, f);
    return f;
  } catch {
    // Intl rejects unknown zones with a RangeError; that is an answer here, not a bug.
    return undefined;
  }
}

export type ZoneResult = { ok: true; zone: string } | { ok: false; message: string; suggestion?: string };

/** The canonical name of an IANA zone (case-insensitive input), or an error with a suggestion. */
export function resolveTimeZone(name: string): ZoneResult {
  const trimmed = name.trim();
  if (trimmed === "") return { ok: false, message: "tz needs a time zone, e.g. tz:Europe/Oslo." };
  // Plain offsets would not follow daylight saving; Intl in Node 20 also rejects most of them.
  const f = /^[A-Za-z]/.test(trimmed) ? formatterFor(trimmed) : undefined;
  if (f) return { ok: true, zone: f.resolvedOptions().timeZone };
  const suggestion = suggestZone(trimmed);
  return {
    ok: false,
    message: `Unknown time zone "${trimmed}".${suggestion ? ` Did you mean "${suggestion}"?` : " Use an IANA name such as Europe/Oslo."}`,
    ...(suggestion ? { suggestion } : {}),
  };
}

function suggestZone(name: string): string | undefined {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return nearest(name.replace(/ /g, "_"), zones);
}

// Offsets only change at zone transitions; a 15-minute bucket whose two ends agree is safe to reuse.
const BUCKET_MS = 15 * 60_000;
const offsetCache = new Map<string, number>();

/** The zone's UTC offset in ms at an instant (positive east of Greenwich). */
export function zoneOffsetMs(zone: string, ms: number): number {
  const bucket = Math.floor(ms / BUCKET_MS);
  const key = `${zone}\u0000${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const start = bucket * BUCKET_MS;
  const atStart = rawOffset(zone, start);
  if (atStart !== rawOffset(zone, start + BUCKET_MS - 1)) return rawOffset(zone, ms);
  if (offsetCache.size >= 10_000) offsetCache.clear();
  offsetCache.set(key, atStart);
  return atStart;
}

function rawOffset(zone: string, ms: number): number {
  const f = formatterFor(zone);
  if (!f) return 0;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of f.formatToParts(new Date(ms))) {
    const n = Number(part.value);
    if (part.type === "year") year = n;
    else if (part.type === "month") month = n;
    else if (part.type === "day") day = n;
    else if (part.type === "hour") hour = n;
    else if (part.type === "minute") minute = n;
    else if (part.type === "second") second = n;
    else if (part.type === "era") bc = part.value.startsWith("B");
  }
  const wall = utcMs(bc ? 1 - year : year, month, day, hour, minute, second);
  return wall - Math.floor(ms / 1000) * 1000;
}
