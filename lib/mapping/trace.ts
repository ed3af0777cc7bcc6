// The preview's explanation: each entry's source value and its value after every step.

import { cachedCompile } from "./build";
import type { CompletionRecord } from "./fields";
import { nthTransform } from "./ordinal";
import { compileEntry, internalError, RECORD_NOT_OBJECT, runtimeIssue } from "./payload";
import type { MappingEntry } from "./schemas";
import { analyseMapping, type MappingIssue } from "./validate";
import {
  Failure,
  type JsonObject,
  type JsonValue,
  toJson,
  typeOf,
  type Value,
  type ValueType,
} from "./values";

/** A value as the preview shows it; a datetime's `value` is its ISO 8601 text. */
export type TraceValue = { type: ValueType; value: JsonValue };

export type TraceStep = {
  index: number;
  transform: string;
  text: string;
  start: number;
  end: number;
  /** The value after this step; absent when the step failed. */
  value?: TraceValue;
  error?: string;
};

export type TraceEntry = {
  index: number;
  key: string;
  /** The value read from the record (or the constant); null when it could not be read. */
  source: TraceValue | null;
  /** The steps that ran, in order; steps after an omission or failure are not listed. */
  steps: TraceStep[];
  /** What the payload carries for this key; absent when omitted or failed. */
  output?: JsonValue;
  omitted: boolean;
  omitReason?: string;
  error?: MappingIssue;
};

export type TraceResult = {
  ok: boolean;
  /** The payload buildPayload gives, or null when there are errors. */
  payload: JsonObject | null;
  entries: TraceEntry[];
  errors: MappingIssue[];
  warnings: MappingIssue[];
};

const traced = (v: Value): TraceValue => ({ type: typeOf(v), value: toJson(v) });

/** Every entry's way from source to payload value, even for a mapping with errors; never throws. */
export function tracePayload(entries: readonly MappingEntry[], record: CompletionRecord): TraceResult {
  try {
    return trace(entries, record);
  } catch (error) {
    return { ...internalError(error), payload: null, entries: [], warnings: [] };
  }
}

function trace(entries: readonly MappingEntry[], record: unknown): TraceResult {
  const analysis = analyseMapping(entries);
  const isRecord = record !== null && typeof record === "object";
  const runtimeErrors: MappingIssue[] = isRecord ? [] : [RECORD_NOT_OBJECT];
  const traces = analysis.entries.map((analysed): TraceEntry => {
    const base = { index: analysed.index, key: analysed.key, source: null, steps: [], omitted: false };
    const compiled = compileEntry(analysed);
    if (!compiled || !isRecord) return { ...base, error: analysed.errors[0] ?? RECORD_NOT_OBJECT };
    const own = analysed.errors[0];
    const read = compiled.read(record);
    if (read instanceof Failure) {
      const issue = runtimeIssue(compiled, read, null);
      runtimeErrors.push(issue);
      return { ...base, error: own ?? issue };
    }
    const steps: TraceStep[] = [];
    let v: Value = read;
    for (const [s, { step, run, isOmitIfNull }] of compiled.steps.entries()) {
      const at = { index: s, transform: step.name, text: step.text, start: step.start, end: step.end };
      if (isOmitIfNull && v === null) {
        steps.push({ ...at, value: traced(v) });
        const omitReason = `omitIfNull, ${nthTransform(s)}: the value is null, so "${analysed.key}" is not sent.`;
        return { ...base, source: traced(read), steps, omitted: true, omitReason, error: own };
      }
      const next = run(v);
      if (next instanceof Failure) {
        const issue = runtimeIssue(compiled, next, s);
        runtimeErrors.push(issue);
        steps.push({ ...at, error: issue.message });
        return { ...base, source: traced(read), steps, error: own ?? issue };
      }
      v = next;
      steps.push({ ...at, value: traced(v) });
    }
    return { ...base, source: traced(read), steps, output: toJson(v), error: own };
  });
  const errors = analysis.errors.length > 0 ? analysis.errors : runtimeErrors;
  let payload: JsonObject | null = null;
  if (errors.length === 0) {
    const compiled = cachedCompile(entries);
    const built = compiled.ok ? compiled.build(record as CompletionRecord) : null;
    if (built?.ok) payload = built.payload;
  }
  return {
    ok: errors.length === 0 && payload !== null,
    payload,
    entries: traces,
    errors,
    warnings: analysis.warnings,
  };
}
