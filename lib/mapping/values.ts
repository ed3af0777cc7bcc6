// Runtime values that flow through a transform chain, and how they become JSON.

import { isoText } from "./iso";

/** A datetime shifted into a time zone by `tz:`; `offsetMs` is that zone's offset at `ms`. */
export class ZonedDateTime {
  constructor(
    readonly ms: number,
    readonly zone: string,
    readonly offsetMs: number,
  ) {}
}

/** A step failure; a class so the hot loop can tell it from a value with one `instanceof`. */
export class Failure {
  constructor(readonly message: string) {}
}

/** A plain UTC datetime is a `Date`: records already carry one, so the common path allocates nothing. */
export type Value = string | number | boolean | null | string[] | Date | ZonedDateTime;

export type ValueType = "string" | "number" | "boolean" | "datetime" | "array" | "null";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The type name of a runtime value, as the catalogue and messages use it. */
export function typeOf(v: Value): ValueType {
  if (v === null) return "null";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "boolean";
  if (Array.isArray(v)) return "array";
  return "datetime";
}

/** Words for a type in messages. */
export function typeWord(t: ValueType): string {
  return t === "string" ? "text" : t === "array" ? "a list" : t;
}

/** ISO 8601 to the second: `2026-04-11T14:32:00Z` in UTC, with the zone's offset after `tz:`. */
export function datetimeText(v: Date | ZonedDateTime): string {
  return v instanceof Date ? isoText(v.getTime(), null) : isoText(v.ms, v.offsetMs);
}

/** A value as text, for `toString`, `concat` and the text transforms. */
export function toText(v: Exclude<Value, null>): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.join(",");
  return datetimeText(v);
}

/** The JSON a value is sent as; datetimes become ISO text. */
export function toJson(v: Value): JsonValue {
  if (v instanceof Date || v instanceof ZonedDateTime) return datetimeText(v);
  return v;
}

/** A value quoted for a message, shortened so one bad record cannot flood the log. */
export function quote(v: Value): string {
  if (v === null) return "null";
  const text = typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? JSON.stringify(v) : toText(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number from text such as " 42.5 ", or null when the text is no number. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!NUMBER_RE.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
