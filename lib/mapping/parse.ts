// The transform chain language: `step | step`, `name:argument`, "\" escaping "|", "," and "=" in arguments.

import { type CompiledDateFormat, compileDateFormat } from "./date-format";
import { nearest } from "./suggest";
import { resolveTimeZone } from "./time-zone";
import { findTransform, TRANSFORMS, type TransformName } from "./transforms";
import { parseNumber } from "./values";

/**
 * A chain problem; offsets are in the chain text (0 <= start <= end <= chain.length). `step` is the 0-based
 * step it is in (empty steps count); `suggestion` is the text that would replace [start, end) ("Did you mean").
 */
export type ChainError = { message: string; start: number; end: number; step?: number; suggestion?: string };

/** One `statusMap` item: `match=value`; `number` is set when `match` is numeric. */
export type StatusMapItem = { match: string; number: number | null; value: string };

export type StepConfig =
  | { name: "dateFormat"; format: "epoch" | "epochMs" | CompiledDateFormat }
  | { name: "tz"; zone: string }
  | { name: "statusMap"; items: StatusMapItem[]; fallback: string | null }
  | { name: "concat"; parts: string[] }
  | { name: "default"; value: string }
  | { name: "round"; digits: number }
  | { name: "split"; separator: string }
  | { name: "omitIfNull" | "toString" | "toInt" | "lowercase" | "uppercase" | "trim" };

/** A parsed step: `text` as written, `argument` unescaped (null without a colon), its span in the chain. */
export type Step = StepConfig & { text: string; argument: string | null; start: number; end: number };

export type ParseResult = { ok: true; steps: Step[] } | { ok: false; errors: ChainError[] };

type Span = { start: number; end: number };
const ESCAPABLE = "|,=";
const EPOCH_FORMATS = ["epoch", "epochMs"] as const;
const NAMES = TRANSFORMS.map((t) => t.name);

/** Spans of `text[start, end)` between unescaped separators. */
function splitSpans(text: string, start: number, end: number, sep: string): Span[] {
  const spans: Span[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === "\\" && i + 1 < end && ESCAPABLE.includes(text[i + 1] as string)) i++;
    else if (c === sep) {
      spans.push({ start: from, end: i });
      from = i + 1;
    }
  }
  spans.push({ start: from, end });
  return spans;
}

/** Unescaped text of a span, with the chain offset of each character (and of its end) for error positions. */
function unescapeSpan(text: string, start: number, end: number): { value: string; at: number[] } {
  let value = "";
  const at: number[] = [];
  for (let i = start; i < end; i++) {
    at.push(i);
    if (text[i] === "\\" && i + 1 < end && ESCAPABLE.includes(text[i + 1] as string)) i++;
    value += text[i];
  }
  at.push(end);
  return { value, at };
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** Parses a transform chain; never throws, and reports every problem it finds with its position. */
export function parseTransforms(chain: string): ParseResult {
  if (typeof chain !== "string")
    return { ok: false, errors: [{ message: "Transforms must be text.", start: 0, end: 0 }] };
  if (chain.trim() === "") return { ok: true, steps: [] };
  const steps: Step[] = [];
  const errors: ChainError[] = [];
  const segments = splitSpans(chain, 0, chain.length, "|");
  segments.forEach((segment, i) => {
    const span = trimSpan(chain, segment);
    if (span.start === span.end) {
      // The "|" to remove: the one after the gap, except at the end, where only one before it exists.
      const pipe =
        i === segments.length - 1
          ? { start: segment.start - 1, end: segment.start }
          : { start: segment.end, end: segment.end + 1 };
      const where =
        i === 0 ? "before the first" : i === segments.length - 1 ? "after the last" : "between two";
      errors.push({ message: `Empty step ${where} "|"; remove the extra "|".`, ...pipe, step: i });
      return;
    }
    const result = parseStep(chain, span);
    if ("message" in result) errors.push({ ...result, step: i });
    else steps.push(result);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, steps };
}

function parseStep(chain: string, span: Span): Step | ChainError {
  const text = chain.slice(span.start, span.end);
  const colon = text.indexOf(":");
  const nameSpan = trimSpan(chain, { start: span.start, end: colon < 0 ? span.end : span.start + colon });
  const name = chain.slice(nameSpan.start, nameSpan.end);
  if (name === "")
    return { message: 'A step needs a transform name before ":".', start: span.start, end: span.end };
  const info = findTransform(name);
  if (!info) {
    const suggestion = nearest(name, NAMES);
    const hint = suggestion ? `Did you mean "${suggestion}"?` : `Known transforms: ${NAMES.join(", ")}.`;
    return {
      message: `Unknown transform "${name}". ${hint}`,
      ...nameSpan,
      ...(suggestion ? { suggestion } : {}),
    };
  }
  const arg: Span | null = colon < 0 ? null : { start: span.start + colon + 1, end: span.end };
  const base = { text, start: span.start, end: span.end };
  const config = parseArgument(info.name as TransformName, chain, arg, span);
  if ("message" in config) return config;
  const argument = arg ? unescapeSpan(chain, arg.start, arg.end).value : null;
  return { ...config, ...base, argument };
}

function parseArgument(
  name: TransformName,
  chain: string,
  arg: Span | null,
  step: Span,
): StepConfig | ChainError {
  const needs = (example: string): ChainError => ({
    message: `${name} needs an argument, e.g. ${example}.`,
    start: step.start,
    end: step.end,
  });
  switch (name) {
    case "omitIfNull":
    case "toString":
    case "toInt":
    case "lowercase":
    case "uppercase":
    case "trim":
      if (arg)
        return {
          message: `${name} takes no argument; remove ":" and what follows.`,
          start: arg.start - 1,
          end: arg.end,
        };
      return { name };
    case "dateFormat": {
      if (!arg || arg.start === arg.end) return needs("dateFormat:yyyy-MM-dd");
      // Spaces around the format are not part of it (a space is written quoted: ' 'yyyy); "epoch" in any case.
      const format = trimSpan(chain, arg);
      const { value, at } = unescapeSpan(chain, format.start, format.end);
      const keyword = EPOCH_FORMATS.find((k) => k.toLowerCase() === value.toLowerCase());
      if (keyword) return { name, format: keyword };
      const compiled = compileDateFormat(value);
      if (compiled.ok) return { name, format: compiled.format };
      const { message, start, end } = compiled.error;
      return { message, start: at[start] ?? arg.end, end: at[end] ?? arg.end };
    }
    case "tz": {
      if (!arg || arg.start === arg.end) return needs("tz:Europe/Oslo");
      const zone = resolveTimeZone(unescapeSpan(chain, arg.start, arg.end).value);
      if (zone.ok) return { name, zone: zone.zone };
      return {
        message: zone.message,
        ...trimSpan(chain, arg),
        ...(zone.suggestion ? { suggestion: zone.suggestion } : {}),
      };
    }
    case "statusMap":
      if (!arg || arg.start === arg.end) return needs("statusMap:100=passed,0=failed");
      return parseStatusMap(chain, arg);
    case "concat": {
      if (!arg || arg.start === arg.end) return needs("concat:EMP-{value}");
      return { name, parts: unescapeSpan(chain, arg.start, arg.end).value.split("{value}") };
    }
    case "default":
      // "default:" (nothing after the colon) is a real choice: empty text.
      if (!arg) return needs("default:unknown (or default: for empty text)");
      return { name, value: unescapeSpan(chain, arg.start, arg.end).value };
    case "round": {
      if (!arg) return { name, digits: 0 };
      const n = parseNumber(unescapeSpan(chain, arg.start, arg.end).value);
      if (n === null || !Number.isInteger(n) || n < 0 || n > 10) {
        return { message: "round takes a whole number of decimals from 0 to 10, e.g. round:2.", ...arg };
      }
      return { name, digits: n };
    }
    case "split": {
      const separator = arg ? unescapeSpan(chain, arg.start, arg.end).value : "";
      return { name, separator: separator === "" ? "," : separator };
    }
    default: {
      const never: never = name;
      return { message: `Unhandled transform ${String(never)}.`, ...step };
    }
  }
}

function parseStatusMap(chain: string, arg: Span): StepConfig | ChainError {
  const items: StatusMapItem[] = [];
  let fallback: string | null = null;
  const seen = new Set<string>();
  for (const item of splitSpans(chain, arg.start, arg.end, ",")) {
    const trimmed = trimSpan(chain, item);
    if (trimmed.start === trimmed.end) {
      return {
        message: 'Empty statusMap item; remove the extra ",".',
        start: item.start,
        end: Math.min(item.end + 1, arg.end),
      };
    }
    const [left, right] = splitSpans(chain, item.start, item.end, "=");
    if (!left || !right) {
      const written = unescapeSpan(chain, trimmed.start, trimmed.end).value;
      return {
        message: `statusMap item "${written}" has no "="; write it as VALUE=TEXT, e.g. 100=passed.`,
        ...trimmed,
      };
    }
    const keySpan = trimSpan(chain, left);
    const match = unescapeSpan(chain, keySpan.start, keySpan.end).value;
    // Everything after the first "=" is the text, so "a=b=c" maps a to "b=c".
    // Trimmed like the value before "=": spaces around "=" and "," are layout, not text for the receiver.
    const text = trimSpan(chain, { start: right.start, end: item.end });
    const value = unescapeSpan(chain, text.start, text.end).value;
    if (match === "") return { message: 'statusMap item has no value before "=".', ...trimmed };
    const number = match === "*" ? null : parseNumber(match);
    const identity = number === null ? `t:${match}` : `n:${number}`;
    if (seen.has(identity)) return { message: `statusMap maps "${match}" twice.`, ...keySpan };
    seen.add(identity);
    if (match === "*") fallback = value;
    else items.push({ match, number, value });
  }
  return { name: "statusMap", items, fallback };
}
