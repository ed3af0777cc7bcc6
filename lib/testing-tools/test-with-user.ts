import "server-only";
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { loadUserCompletionRecords } from "@/db/queries/completion-records";
import { findLearner } from "@/db/queries/learners";
import type { Integration } from "@/db/schema";
import { receiverValidator } from "@/lib/contract/validator";
import { sendAttempt } from "@/lib/delivery";
import { connectionFromIntegration } from "@/lib/integrations/connection";
import { buildPayload, type MappingEntry } from "@/lib/mapping";
import type { TestExchange, TestUserReply, TestUserResult } from "./output-schemas";
import type { TestUserInput } from "./schemas";

export type TestUserReport = TestUserReply | { ok: false; error: string };

/**
 * "Test with user": the learners' latest completions built with the given (possibly unsaved) mapping and sent for
 * real through the same attempt code as a sync. Each payload is checked against the receiver's schema first; with
 * "validate before sending" on, one that breaks it is not sent, as a run would not. Writes nothing: no log row, no
 * delivery, no counter.
 */
export async function testWithUsers(
  db: DbOrTx,
  integration: Integration,
  input: TestUserInput,
  /** The caller gone (Cancel, a closed page): nothing more is sent, and the request in flight is cut. */
  signal?: AbortSignal,
): Promise<TestUserReport> {
  const conn = connectionFromIntegration(integration);
  if (!conn.ok) return { ok: false, error: conn.error };
  const mapping = (input.mapping ?? integration.mapping) as MappingEntry[];
  const target = input.target ?? (integration.testUrl ? "test" : "production");
  const url = target === "test" && integration.testUrl ? integration.testUrl : integration.endpointUrl;
  const contract = integration.receiverSchema ? receiverValidator(integration.receiverSchema) : null;
  const results: TestUserResult[] = [];
  for (const userName of input.usernames) {
    if (signal?.aborted) break;
    const records = await loadUserCompletionRecords(db, userName, input.limit);
    const exchanges: TestExchange[] = [];
    // One at a time, latest first, as a person reading the results expects them.
    for (const record of records) {
      if (signal?.aborted) break;
      const base = {
        completionId: record.completionId,
        activityName: record.activity.activityName,
        completionDate: record.completion.completionDate.toISOString(),
      };
      const built = buildPayload(mapping, record);
      if (!built.ok) {
        exchanges.push({ ...base, payloadErrors: built.errors.map((e) => e.message) });
        continue;
      }
      const schemaIssues = contract?.ok ? contract.check(built.payload) : [];
      const checked = schemaIssues.length > 0 ? { schemaIssues } : {};
      if (schemaIssues.length > 0 && integration.validateBeforeSending) {
        exchanges.push({ ...base, ...checked, payload: built.payload });
        continue;
      }
      const outcome = await sendAttempt({
        settings: conn.settings,
        target,
        body: built.payload,
        idempotencyKey: `test-${randomUUID()}`,
        signal,
      });
      exchanges.push({
        ...base,
        ...checked,
        request: { method: "POST", url: outcome.url, headers: outcome.requestHeaders, body: built.payload },
        outcome,
      });
    }
    const isKnown = records.length > 0 || (await findLearner(db, userName)) !== undefined;
    results.push({ userName, known: isKnown, found: records.length > 0, exchanges });
  }
  return { ok: true, target, url, limit: input.limit, results };
}
