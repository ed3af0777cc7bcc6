/** A parsed success-code spec: inclusive status ranges. */
export type StatusRange = { from: number; to: number };

export type SuccessCodes = { ok: true; ranges: StatusRange[]; matches: (status: number) => boolean };

export const DEFAULT_SUCCESS_CODES = "2xx";

const MIN_STATUS = 100;
const MAX_STATUS = 599;

function parseToken(token: string): StatusRange | string {
  const family = /^([1-5])xx$/i.exec(token);
  if (family) {
    const base = Number(family[1]) * 100;
    return { from: base, to: base + 99 };
  }
  const range = /^(\d{3})\s*-\s*(\d{3})$/.exec(token);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from > to) return `"${token}" runs backwards; write the lower code first`;
    if (from < MIN_STATUS || to > MAX_STATUS) return `"${token}" is outside the HTTP status codes 100-599`;
    return { from, to };
  }
  if (/^\d{3}$/.test(token)) {
    const code = Number(token);
    if (code < MIN_STATUS || code > MAX_STATUS) return `"${token}" is not an HTTP status code (100-599)`;
    return { from: code, to: code };
  }
  return `"${token}" is not a status code, a range such as 200-299, or a class such as 2xx`;
}

type Parsed = SuccessCodes | { ok: false; error: string };

// Every attempt of a sync asks for its integration's matcher; a handful of distinct specs exist at a time.
const parsedSpecs = new Map<string, Parsed>();

/** Parses "2xx", "200,201,202" or "200-299,304"; empty means any 2xx. */
export function successCodeMatcher(spec: string | null | undefined): Parsed {
  const text = (spec ?? "").trim() || DEFAULT_SUCCESS_CODES;
  let parsed = parsedSpecs.get(text);
  if (!parsed) {
    parsed = parseSpec(text);
    if (parsedSpecs.size >= 1000) parsedSpecs.clear();
    parsedSpecs.set(text, parsed);
  }
  return parsed;
}

function parseSpec(text: string): Parsed {
  const ranges: StatusRange[] = [];
  for (const raw of text.split(",")) {
    const token = raw.trim();
    if (token === "") return { ok: false, error: "Remove the empty entry between commas" };
    const parsed = parseToken(token);
    if (typeof parsed === "string") return { ok: false, error: parsed };
    ranges.push(parsed);
  }
  return { ok: true, ranges, matches: (status) => ranges.some((r) => status >= r.from && status <= r.to) };
}

/** Alias kept for the settings form, which only wants the validation message. */
export const parseSuccessCodes = successCodeMatcher;

/** True when the status counts as delivered; an invalid spec matches nothing (it is refused at save time). */
export function isSuccessStatus(status: number, spec: string | null | undefined): boolean {
  const matcher = successCodeMatcher(spec);
  return matcher.ok && matcher.matches(status);
}
