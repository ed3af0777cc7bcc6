import { z } from "zod";

const MESSAGE =
  "Enter a date such as 2026-04-01, or a date and time with its offset such as 2026-04-01T08:00:00Z";
const DAY_MS = 86_400_000;

// An ISO 8601 date, or a date and time with Z or an offset (with or without seconds): text that means one instant
// wherever the server runs. A `Date` passes too, for callers in the same process (the seed, tests).
const instantText = z.union([
  z.iso.datetime({ offset: true }),
  z.iso.datetime({ offset: true, precision: -1 }),
]);
const inYears = (d: Date) => d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 9999;

function pointIn(dayEdge: "start" | "end") {
  return z
    .union([z.iso.date(), instantText, z.date()], { error: MESSAGE })
    .transform((v) => {
      if (v instanceof Date) return v;
      // A date alone is that day in UTC: its first instant, or as the end of a range its last.
      if (dayEdge === "end" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(Date.parse(v) + DAY_MS - 1);
      return new Date(v);
    })
    .refine(inYears, "Use a date between 1970 and 9999");
}

/**
 * A point in time as JSON or a query sends it, never coerced: `null`, `true`, `0`, "1" or a time without its offset
 * (which would be read in the server's zone) is a 400, not a guess. A date alone is midnight UTC.
 */
export const pointInTimeSchema = pointIn("start");

/** The end of a time range ("to"): as pointInTimeSchema, but a date alone means the whole of that day (UTC). */
export const rangeEndSchema = pointIn("end");

/**
 * A range's order, for a query schema's `.refine`: a `from` after its `to` is a 400 at `to` (it would match nothing,
 * which reads as "no entries" rather than as the mistake it is).
 */
export const RANGE_IN_ORDER: [
  (q: { from?: unknown; to?: unknown }) => boolean,
  { message: string; path: string[] },
] = [
  // zod runs an object's refinements even when a field failed: that field is still the text sent, not a Date.
  (q) => !(q.from instanceof Date) || !(q.to instanceof Date) || q.from.getTime() <= q.to.getTime(),
  { message: "The end of the range is before its start: swap From and To", path: ["to"] },
];
