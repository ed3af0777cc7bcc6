// Checks a whole mapping before any record: shape, keys, sources and chains; errors block a sync, warnings do not.

import { FIELDS, type FieldInfo, findField } from "./fields";
import { keyConflicts, parseKey } from "./keys";
import { nthTransform } from "./ordinal";
import { parseTransforms, type Step } from "./parse";
import { type ConstValue, MAX_ENTRIES, mappingEntrySchema, mappingSchema } from "./schemas";
import { checkChain, type StaticType } from "./static-types";
import { nearest } from "./suggest";

/**
 * A problem with a mapping or a run. `index` is the entry (0-based; null for the mapping or record as a whole);
 * `start`/`end` are offsets in the entry's `field` text; `step` is the 0-based step in the chain; `suggestion`
 * (a "Did you mean") is the text that would replace [start, end) of the `field` text.
 * Messages stand alone ("Entry 3 ("status"), in the 2nd transform: ..."), so a log can show them as they are.
 */
export type MappingIssue = {
  index: number | null;
  key?: string;
  field?: "key" | "source" | "transforms";
  step?: number;
  transform?: string;
  start?: number;
  end?: number;
  suggestion?: string;
  message: string;
};

export type ValidationResult = { errors: MappingIssue[]; warnings: MappingIssue[] };

export type EntrySource = { kind: "field"; field: FieldInfo } | { kind: "const"; value: ConstValue };

/** One entry as far as it could be understood; null parts are broken and have errors. */
export type AnalysedEntry = {
  index: number;
  key: string;
  path: string[] | null;
  source: EntrySource | null;
  steps: Step[] | null;
  inputs: StaticType[];
  errors: MappingIssue[];
};

export type Analysis = ValidationResult & { entries: AnalysedEntry[] };

const FIELD_NAMES = FIELDS.map((f) => f.name);

/** "Entry 3 ("status")", as messages name entries (1-based, for people). */
export function entryLabel(index: number, key: string): string {
  return key === "" ? `Entry ${index + 1}` : `Entry ${index + 1} (${JSON.stringify(key.slice(0, 60))})`;
}

/** The type an entry's source has before any transform. */
export function staticSource(source: EntrySource): StaticType {
  if (source.kind === "field") return { type: source.field.type, nullable: source.field.nullable };
  const v = source.value;
  if (v === null) return { type: "null", nullable: true };
  return {
    type: typeof v === "string" ? "string" : typeof v === "number" ? "number" : "boolean",
    nullable: false,
  };
}

function analyseEntry(raw: unknown, index: number, warnings: MappingIssue[]): AnalysedEntry {
  const rawKey = raw !== null && typeof raw === "object" ? (raw as { key?: unknown }).key : undefined;
  const entry: AnalysedEntry = {
    index,
    key: typeof rawKey === "string" ? rawKey : "",
    path: null,
    source: null,
    steps: null,
    inputs: [],
    errors: [],
  };
  const label = entryLabel(index, entry.key);
  const shape = mappingEntrySchema.safeParse(raw);
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const field = issue.path[0];
      const known = field === "key" || field === "source" || field === "transforms" ? field : undefined;
      entry.errors.push({ index, field: known, message: `${label}: ${known ?? "entry"}: ${issue.message}` });
    }
    return entry;
  }
  const { key, source, transforms = "" } = shape.data;
  const issue = (extra: Omit<MappingIssue, "index" | "key">): MappingIssue => ({ index, key, ...extra });

  const parsedKey = parseKey(key);
  if (parsedKey.ok) entry.path = parsedKey.path;
  else
    entry.errors.push(
      issue({ field: "key", ...parsedKey.problem, message: `${label}: ${parsedKey.problem.message}` }),
    );
  if (key !== key.trim()) {
    warnings.push(
      issue({
        field: "key",
        start: 0,
        end: key.length,
        message: `${label}: the key has spaces at its start or end.`,
      }),
    );
  }
  if (parsedKey.ok && parsedKey.path.some((p) => /^(0|[1-9]\d*)$/.test(p))) {
    warnings.push(
      issue({
        field: "key",
        start: 0,
        end: key.length,
        message: `${label}: a number-like key is placed before the other keys of its object in JSON, whatever the mapping order.`,
      }),
    );
  }

  if (typeof source === "string") {
    const field = findField(source);
    if (field) entry.source = { kind: "field", field };
    else {
      const suggestion = nearest(source, FIELD_NAMES);
      const hint = suggestion
        ? ` Did you mean "${suggestion}"?`
        : ` Known fields: ${FIELD_NAMES.join(", ")}.`;
      entry.errors.push(
        issue({
          field: "source",
          start: 0,
          end: source.length,
          ...(suggestion ? { suggestion } : {}),
          message: `${label}: unknown field "${source}".${hint}`,
        }),
      );
    }
  } else entry.source = { kind: "const", value: source.const };

  const parsed = parseTransforms(transforms);
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      const where = e.step === undefined ? label : `${label}, in ${nthTransform(e.step)}`;
      entry.errors.push(issue({ field: "transforms", ...e, message: `${where}: ${e.message}` }));
    }
    return entry;
  }
  entry.steps = parsed.steps;
  if (entry.source) {
    const origin = entry.source.kind === "field" ? entry.source.field.name : "the constant";
    const checked = checkChain(staticSource(entry.source), origin, parsed.steps);
    entry.inputs = checked.inputs;
    for (const w of checked.warnings) {
      const step = parsed.steps[w.step];
      warnings.push(
        issue({
          field: "transforms",
          step: w.step,
          transform: step?.name,
          start: step?.start,
          end: step?.end,
          message: `${label}, in ${nthTransform(w.step)} (${step?.name}): ${w.message}`,
        }),
      );
    }
  }
  return entry;
}

/** Every entry analysed, with all errors and warnings; the base of validation, building and tracing. */
export function analyseMapping(input: unknown): Analysis {
  const warnings: MappingIssue[] = [];
  if (!Array.isArray(input)) {
    return {
      errors: [{ index: null, message: "The mapping must be a list of entries." }],
      warnings,
      entries: [],
    };
  }
  if (input.length > MAX_ENTRIES) {
    const message = `A mapping has at most ${MAX_ENTRIES} entries; this one has ${input.length}.`;
    return { errors: [{ index: null, message }], warnings, entries: [] };
  }
  if (input.length === 0)
    warnings.push({ index: null, message: "The mapping is empty, so every payload is {}." });
  const entries = input.map((raw, index) => analyseEntry(raw, index, warnings));
  for (const problem of keyConflicts(entries.map((e) => e.path))) {
    const entry = entries[problem.index];
    if (!entry) continue;
    entry.errors.push({
      index: problem.index,
      key: entry.key,
      field: "key",
      start: problem.start,
      end: problem.end,
      message: `${entryLabel(problem.index, entry.key)}: ${problem.message}`,
    });
  }
  return { errors: entries.flatMap((e) => e.errors), warnings, entries };
}

/** Errors (which stop a sync) and warnings (which the editor shows) for a mapping; never throws. */
export function validateMapping(entries: unknown): ValidationResult {
  const { errors, warnings } = analyseMapping(entries);
  return { errors, warnings };
}

/** mappingSchema plus every validateMapping error as a zod issue, for routes that must refuse a bad mapping. */
export const validMappingSchema = mappingSchema.superRefine((entries, ctx) => {
  for (const e of validateMapping(entries).errors) {
    ctx.addIssue({
      code: "custom",
      message: e.message,
      path: e.index === null ? [] : [e.index, e.field ?? "key"],
    });
  }
});
