// Fixtures shared by this folder's tests: the design's sample record and a one-entry runner.

import { buildPayload } from "./build";
import type { CompletionRecord } from "./fields";
import type { MappingEntry } from "./schemas";
import type { JsonValue } from "./values";

/** Anne's completion from the design's seed example. */
export function sampleRecord(
  patch: { completion?: Partial<CompletionRecord["completion"]> } = {},
): CompletionRecord {
  return {
    user: {
      email: "anne@company.com",
      userName: "anne.smith",
      firstName: "Anne",
      lastName: "Smith",
      organisation: "HR department",
      organisationId: 12,
      learningProfiles: "Managers,Nurses",
    },
    activity: { activityName: "GDPR introduction", activityId: 4711 },
    completion: {
      completionDate: new Date("2026-04-11T14:32:00Z"),
      bestCombined: 100,
      bestScore: 95,
      ...patch.completion,
    },
  };
}

/** The value one entry yields, or its error messages joined; `source` is a field name or a constant. */
export function entryValue(
  transforms: string,
  source: MappingEntry["source"] = "completion.completionDate",
  record: CompletionRecord = sampleRecord(),
): JsonValue | undefined | { error: string } {
  const result = buildPayload([{ key: "v", source, transforms }], record);
  return result.ok ? result.payload.v : { error: result.errors.map((e) => e.message).join(" | ") };
}
