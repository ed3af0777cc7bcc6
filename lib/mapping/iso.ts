// ISO 8601 in and out, by integer arithmetic: the per-record hot path of every datetime field.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Milliseconds since the epoch for a UTC wall time; unlike Date.UTC, years 0–99 are not moved to 19xx. */
export function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  return daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

const MIN_MS = utcMs(1, 1, 1);
const MAX_MS = utcMs(10000, 1, 1) - 1;

/** Datetimes are kept to years 0001–9999 (the .NET range), so every format and zone shift stays valid. */
export function isSupportedMs(ms: number): boolean {
  return ms >= MIN_MS && ms <= MAX_MS;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function checked(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMinutes: number,
) {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const t = utcMs(y, mo, d, h, mi, s, ms) - offsetMinutes * 60_000;
  return isSupportedMs(t) ? t : null;
}

const ISO_RE =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/** Parses ISO 8601 text (a date, or date and time, optional offset; none means UTC) to epoch ms, or null. */
export function parseIsoDate(text: string): number | null {
  const fast = parseCommon(text);
  if (fast !== undefined) return fast;
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  const frac = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
  const oh = n(10);
  const om = n(11);
  if (oh > 23 || om > 59) return null;
  const offset = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
  return checked(n(1), n(2), n(3), n(4), n(5), n(6), frac, offset);
}

/** Two ASCII digits at `i` as a number, or -1. */
function two(t: string, i: number): number {
  const a = t.charCodeAt(i) - 48;
  const b = t.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

// The shapes databases and toISOString produce, without a regex or an allocation; undefined means
// "not this shape" and hands over to the regex, which accepts the rarer spellings too.
function parseCommon(t: string): number | null | undefined {
  const len = t.length;
  if (len < 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  const c1 = two(t, 0);
  const c2 = two(t, 2);
  const mo = two(t, 5);
  const d = two(t, 8);
  if (c1 < 0 || c2 < 0 || mo < 0 || d < 0) return undefined;
  const y = c1 * 100 + c2;
  if (len === 10) return checked(y, mo, d, 0, 0, 0, 0, 0);
  const sep = t[10];
  if ((sep !== "T" && sep !== "t" && sep !== " ") || len < 16 || t.charCodeAt(13) !== 58) return undefined;
  const h = two(t, 11);
  const mi = two(t, 14);
  if (h < 0 || mi < 0) return undefined;
  let i = 16;
  let s = 0;
  let ms = 0;
  if (t[i] === ":") {
    s = two(t, i + 1);
    if (s < 0) return undefined;
    i += 3;
    if (t[i] === "." || t[i] === ",") {
      const start = ++i;
      while (i < len && i - start < 9 && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
      if (i === start || (i < len && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57)) return undefined;
      for (let k = start; k < start + 3; k++) ms = ms * 10 + (k < i ? t.charCodeAt(k) - 48 : 0);
    }
  }
  if (i === len) return checked(y, mo, d, h, mi, s, ms, 0);
  const z = t[i];
  if ((z === "Z" || z === "z") && i + 1 === len) return checked(y, mo, d, h, mi, s, ms, 0);
  if (z !== "+" && z !== "-") return undefined;
  const oh = two(t, i + 1);
  if (oh < 0) return undefined;
  let om = 0;
  const rest = len - (i + 3);
  if (rest === 3 && t[i + 3] === ":") om = two(t, i + 4);
  else if (rest === 2) om = two(t, i + 3);
  else if (rest !== 0) return undefined;
  if (om < 0) return undefined;
  if (oh > 23 || om > 59) return null;
  return checked(y, mo, d, h, mi, s, ms, (z === "-" ? -1 : 1) * (oh * 60 + om));
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad4 = (n: number) => (n >= 1000 ? `${n}` : n >= 100 ? `0${n}` : n >= 10 ? `00${n}` : `000${n}`);

/** `YYYY-MM-DDTHH:mm:ss` for a wall time in ms (civil_from_days; years 0–9999). */
function wallText(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY);
  const inDay = ms - days * MS_PER_DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const secs = Math.floor(inDay / 1000);
  const h = Math.floor(secs / 3600);
  const mi = Math.floor((secs % 3600) / 60);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(secs % 60)}`;
}

/** "+02:00" for an offset in ms. */
export function offsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const minutes = Math.trunc(Math.abs(offsetMs) / 60_000);
  return `${sign}${pad2(Math.trunc(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** ISO 8601 to the second: `2026-04-11T14:32:00Z` for UTC, or the wall time and offset of a zone. */
export function isoText(ms: number, offsetMs: number | null): string {
  return offsetMs === null ? `${wallText(ms)}Z` : `${wallText(ms + offsetMs)}${offsetText(offsetMs)}`;
}
