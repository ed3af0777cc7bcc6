// Building payloads: a mapping is analysed and compiled once, then applied to each record with no parsing.

import { compileStep, type RunStep } from "./apply";
import type { CompletionRecord } from "./fields";
import { planKeys, setKey } from "./keys";
import { nthTransform } from "./ordinal";
import type { Step } from "./parse";
import { fieldReader } from "./read-field";
import type { MappingEntry } from "./schemas";
import { type AnalysedEntry, analyseMapping, entryLabel, type MappingIssue } from "./validate";
import { Failure, type JsonObject, toJson, type Value } from "./values";

export type BuildResult = { ok: true; payload: JsonObject } | { ok: false; errors: MappingIssue[] };

/** A compiled mapping: `build` turns one record into its payload. Warnings do not stop it. */
export type CompileResult =
  | { ok: true; build: (record: CompletionRecord) => BuildResult; warnings: MappingIssue[] }
  | { ok: false; errors: MappingIssue[]; warnings: MappingIssue[] };

export type CompiledStep = { step: Step; run: RunStep; isOmitIfNull: boolean };
export type CompiledEntry = {
  index: number;
  key: string;
  read: (record: object) => Value | Failure;
  steps: CompiledStep[];
};

/** Turns an unexpected exception (a bug) into a result, because callers are promised none. */
export function internalError(error: unknown): { ok: false; errors: MappingIssue[] } {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    errors: [{ index: null, message: `Internal error in the payload mapping: ${detail}` }],
  };
}

export const RECORD_NOT_OBJECT: MappingIssue = {
  index: null,
  message: "The completion record is not an object.",
};

/** The runnable form of an analysed entry, or null when its source or chain is broken. */
export function compileEntry(entry: AnalysedEntry): CompiledEntry | null {
  const { source, steps } = entry;
  if (!source || !steps) return null;
  const constant = source.kind === "const" ? source.value : null;
  const read = source.kind === "field" ? fieldReader(source.field) : () => constant;
  const compiled = steps.map((step, i) => ({
    step,
    run: compileStep(step, entry.inputs[i] ?? { type: "unknown", nullable: true }),
    isOmitIfNull: step.name === "omitIfNull",
  }));
  return { index: entry.index, key: entry.key, read, steps: compiled };
}

/** The issue for a failed read or step, naming the entry and the step. */
export function runtimeIssue(entry: CompiledEntry, failure: Failure, stepIndex: number | null): MappingIssue {
  const label = entryLabel(entry.index, entry.key);
  const step = stepIndex === null ? undefined : entry.steps[stepIndex]?.step;
  if (!step || stepIndex === null)
    return { index: entry.index, key: entry.key, field: "source", message: `${label}: ${failure.message}` };
  return {
    index: entry.index,
    key: entry.key,
    field: "transforms",
    step: stepIndex,
    transform: step.name,
    start: step.start,
    end: step.end,
    message: `${label}, in ${nthTransform(stepIndex)} (${step.text}): ${failure.message}`,
  };
}

function appended(list: MappingIssue[] | null, issue: MappingIssue): MappingIssue[] {
  if (!list) return [issue];
  list.push(issue);
  return list;
}

// Removes objects whose every key was omitted; only key paths make objects, values never are.
function pruneEmpty(target: Record<string, unknown>): boolean {
  for (const key of Object.keys(target)) {
    const v = target[key];
    if (
      v !== null &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      pruneEmpty(v as Record<string, unknown>)
    ) {
      delete target[key];
    }
  }
  return Object.keys(target).length === 0;
}

function compile(input: unknown): CompileResult {
  const analysis = analyseMapping(input);
  const { errors, warnings } = analysis;
  if (errors.length > 0) return { ok: false, errors, warnings };
  const entries = analysis.entries.map(compileEntry);
  if (entries.includes(null))
    return { ...internalError("an entry without errors did not compile"), warnings };
  const { slots, containers } = planKeys(analysis.entries.map((e) => e.path ?? []));
  const isNested = containers > 1;
  const leaves = slots.map((s) => s.leaf);
  const isProtoLeaf = leaves.map((leaf) => leaf === "__proto__");
  const count = entries.length;

  const build = (record: CompletionRecord): BuildResult => {
    if (record === null || typeof record !== "object") return { ok: false, errors: [RECORD_NOT_OBJECT] };
    const payload: Record<string, unknown> = {};
    const objects: Record<string, unknown>[] = isNested ? new Array(containers) : [];
    objects[0] = payload;
    let failed: MappingIssue[] | null = null;
    let isAnyOmitted = false;
    for (let i = 0; i < count; i++) {
      const entry = entries[i] as CompiledEntry;
      let target = payload;
      if (isNested) {
        const slot = slots[i]!;
        for (const c of slot.creates) {
          const created = {};
          setKey(objects[c.parent]!, c.key, created);
          objects[c.id] = created;
        }
        target = objects[slot.parent]!;
      }
      let v = entry.read(record);
      if (v instanceof Failure) {
        failed = appended(failed, runtimeIssue(entry, v, null));
        continue;
      }
      let isSkipped = false;
      const steps = entry.steps;
      for (let s = 0; s < steps.length; s++) {
        const step = steps[s]!;
        if (step.isOmitIfNull) {
          if (v === null) {
            isSkipped = isAnyOmitted = true;
            break;
          }
          continue;
        }
        const next: Value | Failure = step.run(v);
        if (next instanceof Failure) {
          failed = appended(failed, runtimeIssue(entry, next, s));
          isSkipped = true;
          break;
        }
        v = next;
      }
      if (isSkipped || failed) continue;
      if (isProtoLeaf[i]) setKey(target, leaves[i]!, toJson(v));
      else target[leaves[i]!] = toJson(v);
    }
    if (failed) return { ok: false, errors: failed };
    if (isAnyOmitted && isNested) pruneEmpty(payload);
    return { ok: true, payload: payload as JsonObject };
  };

  const guarded = (record: CompletionRecord): BuildResult => {
    try {
      return build(record);
    } catch (error) {
      return internalError(error);
    }
  };
  return { ok: true, build: guarded, warnings };
}

/** Validates and compiles a mapping once; the returned `build` is the fast path for many records. */
export function compileMapping(entries: readonly MappingEntry[]): CompileResult {
  try {
    return compile(entries);
  } catch (error) {
    return { ...internalError(error), warnings: [] };
  }
}
