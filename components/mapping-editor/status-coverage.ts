// Warns when a statusMap misses a value that occurs in real completions: those would be sent as null.

import { type CompletionRecord, type MappingEntry, parseTransforms, tracePayload } from "@/lib/mapping";

export type CoverageWarning = {
  index: number;
  key: string;
  field: string;
  missing: number[];
  /** The statusMap step's span in the chain. */
  start: number;
  end: number;
  message: string;
};

/** A record holding only `value` in `field`: the one entry traced reads nothing else. */
function recordWith(field: string, value: number): CompletionRecord {
  const [group, prop] = field.split(".");
  const record: Record<string, Record<string, unknown>> = { user: {}, activity: {}, completion: {} };
  if (group && prop && record[group]) record[group][prop] = value;
  return record as unknown as CompletionRecord;
}

function listValues(values: number[]): string {
  const shown = values.slice(0, 5).join(", ");
  return values.length > 5 ? `${shown} and ${values.length - 5} more` : shown;
}

/**
 * For each statusMap step, the observed values of its entry's field that reach it and come out null.
 * The chain up to that step runs through the real mapping code, so earlier steps (round, toInt, …) count.
 */
export function statusMapCoverage(
  entries: readonly MappingEntry[],
  observed: Readonly<Record<string, readonly number[] | undefined>>,
): CoverageWarning[] {
  const warnings: CoverageWarning[] = [];
  entries.forEach((entry, index) => {
    const { source, transforms = "" } = entry;
    if (typeof source !== "string") return;
    const values = observed[source];
    if (!values || values.length === 0) return;
    const parsed = parseTransforms(transforms);
    if (!parsed.ok) return;
    parsed.steps.forEach((step, s) => {
      if (step.name !== "statusMap") return;
      const upTo = [{ key: "v", source, transforms: transforms.slice(0, step.end) }];
      const missing = values.filter((value) => {
        const traced = tracePayload(upTo, recordWith(source, value)).entries[0];
        const before = s === 0 ? traced?.source : traced?.steps[s - 1]?.value;
        const after = traced?.steps[s];
        return before?.value !== null && before !== undefined && after?.value?.value === null;
      });
      if (missing.length === 0) return;
      warnings.push({
        index,
        key: entry.key,
        field: source,
        missing,
        start: step.start,
        end: step.end,
        message:
          `"${entry.key}": recent completions have ${source} ${listValues(missing)}, which ${step.text} does not ` +
          `map and it has no "*=…" default, so those completions are sent with null.`,
      });
    });
  });
  return warnings;
}
