import type { CompletionRecordRow } from "@/db/queries/completion-records";
import type { LearnerRow } from "@/db/queries/learners";
import {
  type LearnerOutput,
  type LearnerRecord,
  learnerOutputSchema,
  learnerRecordOutputSchema,
} from "./schemas";

/** A learner as the API returns one, through its output schema. */
export function serializeLearner(row: LearnerRow): LearnerOutput {
  return learnerOutputSchema.parse({ ...row, lastCompletionAt: row.lastCompletionAt?.toISOString() ?? null });
}

/** A completion record as the API returns one: the mapping's record shape, the date as ISO 8601 text. */
export function serializeRecord(row: CompletionRecordRow): LearnerRecord {
  return learnerRecordOutputSchema.parse({
    ...row,
    completion: { ...row.completion, completionDate: row.completion.completionDate.toISOString() },
  });
}
