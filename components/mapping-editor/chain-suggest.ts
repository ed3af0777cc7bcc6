// Autocomplete for a transform chain: transform names where a step's name is typed, arguments after its colon.

import { buildPayload, TRANSFORMS, type TransformName } from "@/lib/mapping";

export type ChainSuggestion = {
  kind: "transform" | "argument";
  label: string;
  detail: string;
  /** Replaces `chain[from, to)`. */
  insert: string;
  from: number;
  to: number;
};

const MAX_SUGGESTIONS = 8;
const SAMPLE_DATE = "2026-04-11T14:32:00Z";

/**
 * Common arguments beyond each transform's catalogue example; `detail` is worked out for date formats.
 * A Map, because "toString" is a transform name and also on every object literal's prototype.
 */
const EXTRA_ARGUMENTS = new Map<TransformName, { value: string; detail: string }[]>([
  [
    "dateFormat",
    [
      "yyyy-MM-dd",
      "dd.MM.yyyy",
      "MM/dd/yyyy",
      "yyyy-MM-dd HH:mm:ss",
      "yyyy-MM-ddTHH:mm:ssK",
      "epoch",
      "epochMs",
    ].map((value) => ({ value, detail: "" })),
  ],
  [
    "statusMap",
    [
      { value: "100=passed,0=failed", detail: "100 → passed, 0 → failed, others → null" },
      { value: "100=passed,*=failed", detail: "100 → passed, anything else → failed" },
    ],
  ],
  [
    "concat",
    [
      { value: "EMP-{value}", detail: "a prefix" },
      { value: "{value}@company.com", detail: "a suffix" },
    ],
  ],
  [
    "default",
    [
      { value: "0", detail: "null → 0" },
      { value: "unknown", detail: "null → unknown" },
    ],
  ],
  ["round", ["0", "1", "2"].map((value) => ({ value, detail: `${value} decimals` }))],
  [
    "split",
    [
      { value: ",", detail: "at commas" },
      { value: ";", detail: "at semicolons" },
    ],
  ],
]);

function firstSentence(text: string): string {
  const end = text.indexOf(". ");
  return end < 0 ? text : text.slice(0, end + 1);
}

/** The argument of a catalogue example's first step ("tz:Europe/Oslo | dateFormat:…" → "Europe/Oslo"). */
function exampleArgument(example: string): string | null {
  const first = example.split(" | ")[0] ?? "";
  const colon = first.indexOf(":");
  return colon < 0 ? null : first.slice(colon + 1);
}

/** What a date format prints for the design's sample date, worked out by the real mapping code. */
function renderDate(format: string): string {
  const result = buildPayload(
    [{ key: "v", source: { const: SAMPLE_DATE }, transforms: `dateFormat:${format}` }],
    {} as never,
  );
  return result.ok ? `→ ${JSON.stringify(result.payload.v)}` : "";
}

function argumentCandidates(
  name: TransformName,
  zones: readonly string[],
): { value: string; detail: string }[] {
  const info = TRANSFORMS.find((t) => t.name === name);
  const fromExample = info ? exampleArgument(info.example) : null;
  const list = [
    ...(fromExample === null ? [] : [{ value: fromExample, detail: info?.exampleResult ?? "" }]),
    ...(EXTRA_ARGUMENTS.get(name) ?? []),
    ...(name === "tz" ? zones.map((value) => ({ value, detail: "time zone" })) : []),
  ];
  const seen = new Set<string>();
  return list.filter((c) => !seen.has(c.value) && seen.add(c.value));
}

/** Where the step around `caret` starts and ends: between "|" not escaped as "\\|" (as the parser splits). */
export function stepBounds(chain: string, caret: number): { start: number; end: number } {
  let start = 0;
  let end = chain.length;
  for (let i = 0; i < chain.length; i++) {
    if (chain[i] === "\\" && "|,=".includes(chain[i + 1] ?? "x")) {
      i++;
      continue;
    }
    if (chain[i] !== "|") continue;
    if (i < caret) start = i + 1;
    else {
      end = i;
      break;
    }
  }
  return { start, end };
}

function rank<T extends { value: string }>(candidates: T[], typed: string): T[] {
  const t = typed.toLowerCase();
  const starts = candidates.filter((c) => c.value.toLowerCase().startsWith(t));
  const contains = candidates.filter((c) => !starts.includes(c) && c.value.toLowerCase().includes(t));
  return [...starts, ...contains];
}

/** Suggestions for the caret's place in the chain; `zones` are the IANA time zones to offer after `tz:`. */
export function suggestChain(chain: string, caret: number, zones: readonly string[] = []): ChainSuggestion[] {
  const at = Math.max(0, Math.min(caret, chain.length));
  const step = stepBounds(chain, at);
  const text = chain.slice(step.start, step.end);
  const colon = text.indexOf(":");
  const leading = text.length - text.trimStart().length;
  const nameFrom = step.start + leading;

  if (colon < 0 || at <= step.start + colon) {
    const nameTo = colon < 0 ? step.start + text.trimEnd().length : step.start + colon;
    const typed = chain.slice(nameFrom, Math.max(nameFrom, at)).trim();
    const hasColon = colon >= 0;
    const candidates = TRANSFORMS.map((t) => ({
      value: t.name as string,
      detail: t.syntax === t.name ? firstSentence(t.description) : t.syntax,
      insert: t.syntax.includes(":") && !hasColon ? `${t.name}:` : t.name,
    }));
    const current = chain.slice(nameFrom, Math.max(nameFrom, nameTo));
    return rank(candidates, typed)
      .filter((c) => c.insert !== current)
      .slice(0, MAX_SUGGESTIONS)
      .map((c) => ({
        kind: "transform",
        label: c.value,
        detail: c.detail,
        insert: c.insert,
        from: nameFrom,
        to: nameTo,
      }));
  }

  const name = text.slice(0, colon).trim();
  const info = TRANSFORMS.find((t) => t.name === name);
  if (!info) return [];
  const argFrom = step.start + colon + 1;
  const argTo = step.start + text.trimEnd().length;
  const typed = chain.slice(argFrom, at).trimStart();
  const current = chain.slice(argFrom, Math.max(argFrom, argTo)).trim();
  return rank(argumentCandidates(info.name, zones), typed)
    .filter((c) => c.value !== current)
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => ({
      kind: "argument",
      label: c.value,
      detail: info.name === "dateFormat" && c.detail === "" ? renderDate(c.value) : c.detail,
      insert: c.value,
      from: argFrom,
      to: Math.max(argFrom, argTo),
    }));
}

/** The chain with a suggestion applied, and where the caret goes (right after the inserted text). */
export function applySuggestion(chain: string, s: ChainSuggestion): { chain: string; caret: number } {
  return { chain: chain.slice(0, s.from) + s.insert + chain.slice(s.to), caret: s.from + s.insert.length };
}

let zoneCache: readonly string[] | undefined;

/** The IANA time zones this runtime knows, for `tz:` suggestions. */
export function knownTimeZones(): readonly string[] {
  zoneCache ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zoneCache;
}
