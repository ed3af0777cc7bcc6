// Each parsed step becomes a function from value to value (or a Failure), built once per mapping.

import { formatDate } from "./date-format";
import { parseIsoDate } from "./iso";
import type { Step } from "./parse";
import type { StaticType } from "./static-types";
import { zoneOffsetMs } from "./time-zone";
import { Failure, parseNumber, quote, toText, typeOf, typeWord, type Value, ZonedDateTime } from "./values";

export type RunStep = (v: Value) => Value | Failure;

const NOT_A_DATE = "needs a datetime or ISO 8601 text such as 2026-04-11T14:32:00Z";

function wrongType(name: string, v: Value, expected: string, hint = ""): Failure {
  return new Failure(`${name} needs ${expected}; the value is ${typeWord(typeOf(v))} ${quote(v)}.${hint}`);
}

/** The instant and offset of a datetime-like value, or a Failure naming the step. */
function instant(name: string, v: Value): { ms: number; offset: number | null } | Failure {
  if (v instanceof Date) return { ms: v.getTime(), offset: null };
  if (v instanceof ZonedDateTime) return { ms: v.ms, offset: v.offsetMs };
  if (typeof v === "string") {
    const ms = parseIsoDate(v);
    return ms === null
      ? new Failure(`${quote(v)} is not a date; ${name} ${NOT_A_DATE}.`)
      : { ms, offset: null };
  }
  return wrongType(name, v, "a datetime");
}

function numberFrom(name: string, v: Exclude<Value, null>): number | Failure {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = parseNumber(v);
    return n === null ? new Failure(`${quote(v)} is not a number, so ${name} cannot convert it.`) : n;
  }
  const hint = typeOf(v) === "datetime" ? " Use dateFormat:epoch for Unix seconds." : "";
  return wrongType(name, v, "a number or numeric text", hint);
}

// Decimal shifts through the exponent, so 1.005 rounds to 1.01 as written, not as its binary neighbour.
function shift(x: number, places: number): number {
  const [mantissa, exponent] = x.toExponential().split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

function roundHalfAway(n: number, digits: number): number {
  const rounded = shift(Math.round(shift(Math.abs(n), digits)), -digits);
  return (n < 0 ? -rounded : rounded) || 0;
}

function textOp(op: (s: string) => string): RunStep {
  return (v) => {
    if (v === null) return null;
    if (typeof v === "string") return op(v);
    if (Array.isArray(v)) return v.map(op);
    return op(toText(v));
  };
}

/** The function for one step; `input` is the value's static type there (it types `default`). */
export function compileStep(step: Step, input: StaticType): RunStep {
  switch (step.name) {
    case "dateFormat": {
      const format = step.format;
      return (v) => {
        if (v === null) return null;
        const at = instant("dateFormat", v);
        if (at instanceof Failure) return at;
        if (format === "epoch") return Math.floor(at.ms / 1000);
        if (format === "epochMs") return at.ms;
        return formatDate(format, at.ms, at.offset);
      };
    }
    case "tz": {
      const zone = step.zone;
      return (v) => {
        if (v === null) return null;
        const at = instant("tz", v);
        if (at instanceof Failure) return at;
        return new ZonedDateTime(at.ms, zone, zoneOffsetMs(zone, at.ms));
      };
    }
    case "statusMap": {
      const byNumber = new Map<number, string>();
      const byText = new Map<string, string>();
      for (const item of step.items) {
        if (item.number !== null) byNumber.set(item.number, item.value);
        byText.set(item.match, item.value);
      }
      const fallback = step.fallback;
      return (v) => {
        if (v === null) return null;
        if (typeof v === "number") return byNumber.get(v) ?? fallback;
        if (typeof v === "string") return byText.get(v) ?? fallback;
        if (typeof v === "boolean") return byText.get(String(v)) ?? fallback;
        return wrongType("statusMap", v, "a number or text");
      };
    }
    case "concat": {
      const parts = step.parts;
      if (parts.length === 1) {
        const prefix = parts[0] ?? "";
        return (v) => (v === null ? null : prefix + toText(v));
      }
      return (v) => (v === null ? null : parts.join(toText(v)));
    }
    case "default": {
      const asNumber = input.type === "number" ? parseNumber(step.value) : null;
      const value: Value = asNumber ?? step.value;
      return (v) => (v === null ? value : v);
    }
    case "omitIfNull":
      // The payload loop handles omission; as a function the step changes nothing.
      return (v) => v;
    case "toString":
      return (v) => (v === null ? null : toText(v));
    case "toInt":
      return (v) => {
        if (v === null) return null;
        const n = numberFrom("toInt", v);
        if (n instanceof Failure) return n;
        const whole = Math.trunc(n) || 0;
        // Past 2^53 a number is no longer exact: the receiver would get a different whole number than the one given.
        if (!Number.isSafeInteger(whole))
          return new Failure(
            `${quote(v)} is too large for toInt: whole numbers are exact only up to ±${Number.MAX_SAFE_INTEGER}; use toString to send it as text.`,
          );
        return whole;
      };
    case "round": {
      const digits = step.digits;
      return (v) => {
        if (v === null) return null;
        const n = numberFrom("round", v);
        return n instanceof Failure ? n : roundHalfAway(n, digits);
      };
    }
    case "lowercase":
      return textOp((s) => s.toLowerCase());
    case "uppercase":
      return textOp((s) => s.toUpperCase());
    case "trim":
      return textOp((s) => s.trim());
    case "split": {
      const separator = step.separator;
      return (v) => {
        if (v === null) return null;
        if (Array.isArray(v)) return v;
        const items: string[] = [];
        for (const piece of toText(v).split(separator)) {
          const item = piece.trim();
          if (item !== "") items.push(item);
        }
        return items;
      };
    }
    default: {
      const never: never = step;
      return () => new Failure(`Unhandled step ${JSON.stringify(never)}.`);
    }
  }
}
