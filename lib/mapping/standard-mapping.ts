// The mapping a new integration starts from: the design's seed example.

import type { MappingEntry } from "./schemas";

/** The standard mapping; its payload is the design's seed example. Frozen: copy it before editing. */
export const STANDARD_MAPPING: readonly MappingEntry[] = Object.freeze(
  [
    { key: "employeeId", source: "user.email" },
    { key: "courseName", source: "activity.activityName" },
    { key: "completedOn", source: "completion.completionDate" },
    { key: "score", source: "completion.bestScore" },
    { key: "status", source: "completion.bestCombined", transforms: "statusMap:100=passed,0=failed" },
    { key: "organisation", source: "user.organisation" },
  ].map((entry: MappingEntry) => Object.freeze(entry)),
);
