// .NET custom date and time format strings, invariant culture, compiled once and applied per record.
// Follows DateTimeFormat.FormatCustomized in .NET: run lengths pick the form, quotes and "\" give literals.

type Spec = "d" | "M" | "y" | "h" | "H" | "m" | "s" | "f" | "F" | "t" | "z" | "K" | "g";

export type DateToken = { kind: "literal"; text: string } | { kind: Spec; count: number; dropDot: boolean };

/** A compiled format; `utc` is set by the standard formats R and u, which always print UTC. */
export type CompiledDateFormat = { tokens: DateToken[]; utc: boolean };

/** A format error; offsets are in the format text. */
export type DateFormatError = { message: string; start: number; end: number };

export type DateFormatResult =
  | { ok: true; format: CompiledDateFormat }
  | { ok: false; error: DateFormatError };

const SPECS = new Set<string>(["d", "M", "y", "h", "H", "m", "s", "f", "F", "t", "z", "K", "g"]);

// .NET turns a one-character format into a standard pattern; these are the invariant culture's.
const STANDARD: Record<string, { pattern: string; utc: boolean }> = {
  d: { pattern: "MM/dd/yyyy", utc: false },
  D: { pattern: "dddd, dd MMMM yyyy", utc: false },
  f: { pattern: "dddd, dd MMMM yyyy HH:mm", utc: false },
  F: { pattern: "dddd, dd MMMM yyyy HH:mm:ss", utc: false },
  g: { pattern: "MM/dd/yyyy HH:mm", utc: false },
  G: { pattern: "MM/dd/yyyy HH:mm:ss", utc: false },
  m: { pattern: "MMMM dd", utc: false },
  M: { pattern: "MMMM dd", utc: false },
  o: { pattern: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", utc: false },
  O: { pattern: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", utc: false },
  r: { pattern: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", utc: true },
  R: { pattern: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", utc: true },
  s: { pattern: "yyyy'-'MM'-'dd'T'HH':'mm':'ss", utc: false },
  t: { pattern: "HH:mm", utc: false },
  T: { pattern: "HH:mm:ss", utc: false },
  u: { pattern: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'", utc: true },
  U: { pattern: "dddd, dd MMMM yyyy HH:mm:ss", utc: true },
  y: { pattern: "yyyy MMMM", utc: false },
  Y: { pattern: "yyyy MMMM", utc: false },
};

const fail = (message: string, start: number, end: number): DateFormatResult => ({
  ok: false,
  error: { message, start, end },
});

/** Compiles a .NET date format; a single character is a standard format, as in .NET. */
export function compileDateFormat(format: string): DateFormatResult {
  if (format.length === 1) {
    const standard = STANDARD[format];
    if (!standard) {
      return fail(
        `"${format}" alone is read as a .NET standard format, and there is none by that letter. ` +
          `Write %${format} for the custom specifier alone.`,
        0,
        1,
      );
    }
    const compiled = compileCustom(standard.pattern, 0, false);
    return compiled.ok
      ? { ok: true, format: { tokens: compiled.format.tokens, utc: standard.utc } }
      : compiled;
  }
  return compileCustom(format, 0, false);
}

function compileCustom(format: string, offset: number, isSingle: boolean): DateFormatResult {
  const tokens: DateToken[] = [];
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === "literal") last.text += text;
    else tokens.push({ kind: "literal", text });
  };
  let i = 0;
  while (i < format.length) {
    const ch = format[i] as string;
    if (SPECS.has(ch)) {
      let count = 1;
      while (format[i + count] === ch) count++;
      if ((ch === "f" || ch === "F") && count > 7) {
        return fail(
          `At most 7 "${ch}" (ten-millionths of a second); here are ${count}.`,
          offset + i,
          offset + i + count,
        );
      }
      // After "%", .NET formats the specifier in a buffer of its own, so "F" cannot drop a "." before it.
      tokens.push({ kind: ch as Spec, count, dropDot: !isSingle });
      i += count;
    } else if (ch === "'" || ch === '"') {
      let text = "";
      let j = i + 1;
      let closed = false;
      while (j < format.length) {
        const c = format[j] as string;
        if (c === ch) {
          closed = true;
          j++;
          break;
        }
        if (c === "\\") {
          if (j + 1 >= format.length) break;
          text += format[j + 1];
          j += 2;
        } else {
          text += c;
          j++;
        }
      }
      if (!closed) return fail(`The quote ${ch} is never closed.`, offset + i, offset + format.length);
      literal(text);
      i = j;
    } else if (ch === "\\") {
      if (i + 1 >= format.length) {
        return fail(
          'A "\\" at the end escapes nothing; write "\\\\" for a backslash.',
          offset + i,
          offset + i + 1,
        );
      }
      literal(format[i + 1] as string);
      i += 2;
    } else if (ch === "%") {
      const next = format[i + 1];
      if (next === undefined || next === "%") {
        return fail('"%" must be followed by one format specifier, as in "%d".', offset + i, offset + i + 1);
      }
      const inner = compileCustom(next, offset + i + 1, true);
      if (!inner.ok) return inner;
      for (const t of inner.format.tokens) {
        if (t.kind === "literal") literal(t.text);
        else tokens.push(t);
      }
      i += 2;
    } else {
      // ":" and "/" are the invariant culture's separators, i.e. themselves; everything else is copied.
      literal(ch);
      i++;
    }
  }
  return { ok: true, format: { tokens, utc: false } };
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function digits(value: number, width: number): string {
  const text = String(Math.abs(value));
  const padded = text.length >= width ? text : "0".repeat(width - text.length) + text;
  return value < 0 ? `-${padded}` : padded;
}

/** Formats an instant; `offsetMs` is null for plain UTC (K gives "Z") or the zone's offset after `tz:`. */
export function formatDate(format: CompiledDateFormat, ms: number, offsetMs: number | null): string {
  const offset = format.utc ? 0 : (offsetMs ?? 0);
  const d = new Date(ms + offset);
  let out = "";
  for (const t of format.tokens) {
    switch (t.kind) {
      case "literal":
        out += t.text;
        break;
      case "d":
        if (t.count <= 2) out += digits(d.getUTCDate(), t.count);
        else out += t.count === 3 ? DAYS[d.getUTCDay()]?.slice(0, 3) : DAYS[d.getUTCDay()];
        break;
      case "M":
        if (t.count <= 2) out += digits(d.getUTCMonth() + 1, t.count);
        else out += t.count === 3 ? MONTHS[d.getUTCMonth()]?.slice(0, 3) : MONTHS[d.getUTCMonth()];
        break;
      case "y": {
        const year = d.getUTCFullYear();
        out += t.count <= 2 ? digits(year % 100, t.count) : digits(year, t.count);
        break;
      }
      case "h":
        out += digits(d.getUTCHours() % 12 || 12, Math.min(t.count, 2));
        break;
      case "H":
        out += digits(d.getUTCHours(), Math.min(t.count, 2));
        break;
      case "m":
        out += digits(d.getUTCMinutes(), Math.min(t.count, 2));
        break;
      case "s":
        out += digits(d.getUTCSeconds(), Math.min(t.count, 2));
        break;
      case "f":
      case "F":
        out = fraction(out, t, d.getUTCMilliseconds());
        break;
      case "t": {
        const designator = d.getUTCHours() < 12 ? "AM" : "PM";
        out += t.count === 1 ? designator[0] : designator;
        break;
      }
      case "z":
        out += zone(offset, t.count);
        break;
      case "K":
        out += offsetMs === null || format.utc ? "Z" : zone(offset, 3);
        break;
      case "g":
        out += "A.D.";
        break;
      default: {
        const never: never = t;
        out += String(never);
      }
    }
  }
  return out;
}

function fraction(out: string, t: { kind: Spec; count: number; dropDot: boolean }, ms: number): string {
  // .NET keeps ticks (ten-millionths); a JavaScript Date has milliseconds, so the lower digits are zero.
  const value = Math.floor((ms * 10_000) / 10 ** (7 - t.count));
  if (t.kind === "f") return out + digits(value, t.count);
  let v = value;
  let width = t.count;
  while (width > 0 && v % 10 === 0) {
    v /= 10;
    width--;
  }
  if (width > 0) return out + digits(v, width);
  return t.dropDot && out.endsWith(".") ? out.slice(0, -1) : out;
}

function zone(offsetMs: number, count: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const minutes = Math.trunc(Math.abs(offsetMs) / 60_000);
  const h = Math.trunc(minutes / 60);
  if (count === 1) return `${sign}${h}`;
  const hh = `${sign}${digits(h, 2)}`;
  return count === 2 ? hh : `${hh}:${digits(minutes % 60, 2)}`;
}
