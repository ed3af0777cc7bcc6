// What type a value has at each step, known before any record is seen: for fit warnings and `default`.

import { nthTransform } from "./ordinal";
import type { Step } from "./parse";
import { findTransform } from "./transforms";
import { parseNumber, typeWord, type ValueType } from "./values";

/** "unknown" stops warnings where an earlier step makes the type unclear. */
export type StaticType = { type: ValueType | "unknown"; nullable: boolean };

export type StepWarning = { step: number; message: string };

function listWords(types: readonly ValueType[]): string {
  const words = types.map((t) =>
    t === "datetime" ? "a datetime" : t === "number" ? "a number" : typeWord(t),
  );
  return words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

function fitHint(step: Step, from: ValueType): string {
  if (step.name === "dateFormat" || step.name === "tz") {
    return from === "string"
      ? " It works only where the text is an ISO 8601 date."
      : " It fails for every record.";
  }
  if (["lowercase", "uppercase", "trim", "split"].includes(step.name))
    return " The value is turned into text first.";
  if (from === "datetime") return " Format it with dateFormat first.";
  return "";
}

/** The type after one step. */
function after(step: Step, input: StaticType): StaticType {
  const nullable = input.nullable;
  switch (step.name) {
    case "dateFormat":
      return { type: step.format === "epoch" || step.format === "epochMs" ? "number" : "string", nullable };
    case "tz":
      return { type: "datetime", nullable };
    case "statusMap":
      return { type: "string", nullable: nullable || step.fallback === null };
    case "concat":
    case "toString":
      return { type: "string", nullable };
    case "toInt":
    case "round":
      return { type: "number", nullable };
    case "lowercase":
    case "uppercase":
    case "trim":
      return { type: input.type === "array" ? "array" : "string", nullable };
    case "split":
      return { type: "array", nullable };
    case "omitIfNull":
      return { type: input.type, nullable: false };
    case "default": {
      const isNumber = input.type === "number" && parseNumber(step.value) !== null;
      const type =
        isNumber || input.type === "string" || input.type === "null"
          ? isNumber
            ? "number"
            : "string"
          : "unknown";
      return { type, nullable: false };
    }
    default: {
      const unhandled: never = step;
      void unhandled;
      return { type: "unknown", nullable: true };
    }
  }
}

/** The type a chain ends with: what the payload key holds. */
export function chainResultType(source: StaticType, steps: readonly Step[]): StaticType {
  return steps.reduce((type, step) => after(step, type), source);
}

/** The input type of every step, and warnings where a step does not fit its input. */
export function checkChain(
  source: StaticType,
  origin: string,
  steps: Step[],
): { inputs: StaticType[]; warnings: StepWarning[] } {
  const inputs: StaticType[] = [];
  const warnings: StepWarning[] = [];
  let current = source;
  steps.forEach((step, i) => {
    inputs.push(current);
    const where = i === 0 ? origin : `the value after ${nthTransform(i - 1)} (${steps[i - 1]?.name})`;
    const info = findTransform(step.name);
    const t = current.type;
    if (info && t !== "unknown" && t !== "null" && !info.fits.includes(t)) {
      warnings.push({
        step: i,
        message: `${step.name} does not fit ${where}, which is ${typeWord(t)}: it expects ${listWords(info.fits)}.${fitHint(step, t)}`,
      });
    }
    if ((step.name === "omitIfNull" || step.name === "default") && !current.nullable && t !== "unknown") {
      warnings.push({ step: i, message: `${step.name} has no effect: ${where} is never null.` });
    }
    current = after(step, current);
  });
  return { inputs, warnings };
}
