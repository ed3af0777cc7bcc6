import "server-only";
import type { DbOrTx } from "@/db/client";
import { loadUserCompletionRecords } from "@/db/queries/completion-records";
import { findIntegration } from "@/db/queries/integrations";
import { findLearner } from "@/db/queries/learners";
import { tracePayload, validateMapping } from "@/lib/mapping";
import { loadObservedValues } from "./observed-values";
import type { PreviewInput, PreviewOutput } from "./schemas";
import { serializeRecord } from "./serialize";

export type PreviewResult =
  | { ok: true; value: PreviewOutput }
  | { ok: false; reason: "integration_not_found" | "learner_not_found" };

/**
 * The payloads a learner's latest completions would be sent as, with every step traced, under the saved
 * mapping or the unsaved one given; sends nothing and writes nothing.
 */
export async function previewMapping(
  db: DbOrTx,
  integrationId: string,
  input: PreviewInput,
): Promise<PreviewResult> {
  const integration = await findIntegration(db, integrationId);
  if (!integration) return { ok: false, reason: "integration_not_found" };
  const learner = await findLearner(db, input.userName);
  if (!learner) return { ok: false, reason: "learner_not_found" };
  const mapping = input.mapping ?? integration.mapping;
  const [records, observedValues] = await Promise.all([
    loadUserCompletionRecords(db, learner.userName, input.limit),
    loadObservedValues(db),
  ]);
  return {
    ok: true,
    value: {
      userName: learner.userName,
      mappingVersion: input.mapping ? null : integration.mappingVersion,
      validation: validateMapping(mapping),
      previews: records.map((r) => ({ record: serializeRecord(r), trace: tracePayload(mapping, r) })),
      observedValues,
    },
  };
}
