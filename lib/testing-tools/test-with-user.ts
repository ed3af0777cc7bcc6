import "server-only";
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { type CompletionRecordRow, loadUserCompletionRecords } from "@/db/queries/completion-records";
import { findLearner } from "@/db/queries/learners";
import type { Integration } from "@/db/schema";
import type { ContractIssue } from "@/lib/contract/model";
import { receiverValidator } from "@/lib/contract/validator";
import { sendAttempt } from "@/lib/delivery";
import type { ConnectionSettings } from "@/lib/delivery/types";
import { connectionFromIntegration } from "@/lib/integrations/connection";
import { buildPayload, type MappingEntry } from "@/lib/mapping";
import type { TestExchange, TestUserPlan, TestUserReply, TestUserResult } from "./output-schemas";
import type { TestUserInput } from "./schemas";

/** A test planned: what will be sent (the learners and their completions), ready to send. */
export type PlannedTest = {
  ok: true;
  plan: TestUserPlan;
  /**
   * Sends the plan's payloads one at a time, latest first per learner, telling `onExchange` of each as it ends.
   * Once `signal` aborts (Cancel, a closed page), nothing more is sent and the request in flight is cut.
   */
  send(options?: {
    signal?: AbortSignal;
    /** `learner`: the learner's index in the plan (a name asked for twice is two learners). */
    onExchange?: (learner: number, exchange: TestExchange) => void;
  }): Promise<TestUserReply>;
};

/**
 * "Test with user", planned: the connection the stored settings make (or why they cannot: the route's 409), and
 * each learner's latest completions, loaded before anything is sent so the caller can show progress against their
 * number. The payloads are built with the given (possibly unsaved) mapping.
 */
export async function planTestWithUsers(
  db: DbOrTx,
  integration: Integration,
  input: TestUserInput,
): Promise<PlannedTest | { ok: false; error: string }> {
  const conn = connectionFromIntegration(integration);
  if (!conn.ok) return { ok: false, error: conn.error };
  const target = input.target ?? (integration.testUrl ? "test" : "production");
  const url = target === "test" && integration.testUrl ? integration.testUrl : integration.endpointUrl;
  const learners: { userName: string; known: boolean; records: CompletionRecordRow[] }[] = [];
  for (const userName of input.usernames) {
    const records = await loadUserCompletionRecords(db, userName, input.limit);
    const known = records.length > 0 || (await findLearner(db, userName)) !== undefined;
    learners.push({ userName, known, records });
  }
  const plan: TestUserPlan = {
    target,
    url,
    limit: input.limit,
    total: learners.reduce((n, l) => n + l.records.length, 0),
    learners: learners.map((l) => ({
      userName: l.userName,
      known: l.known,
      found: l.records.length > 0,
      completions: l.records.length,
    })),
  };
  const send: PlannedTest["send"] = async ({ signal, onExchange } = {}) => {
    const mapping = (input.mapping ?? integration.mapping) as MappingEntry[];
    const contract = integration.receiverSchema ? receiverValidator(integration.receiverSchema) : null;
    const test: TestContext = {
      settings: conn.settings,
      target,
      mapping,
      check: contract?.ok ? contract.check : null,
      validateBeforeSending: integration.validateBeforeSending,
      signal,
    };
    const results: TestUserResult[] = [];
    for (const [index, { records }] of learners.entries()) {
      if (signal?.aborted) break;
      const exchanges: TestExchange[] = [];
      for (const record of records) {
        if (signal?.aborted) break;
        const exchange = await exchangeFor(test, record);
        exchanges.push(exchange);
        onExchange?.(index, exchange);
      }
      const { completions: _, ...learner } = plan.learners[index]!;
      results.push({ ...learner, exchanges });
    }
    return { ok: true, target, url, limit: input.limit, results };
  };
  return { ok: true, plan, send };
}

type TestContext = {
  settings: ConnectionSettings;
  target: "test" | "production";
  mapping: MappingEntry[];
  /** The receiver's schema, compiled once for the test; null: none stored, or it does not compile. */
  check: ((payload: unknown) => ContractIssue[]) | null;
  validateBeforeSending: boolean;
  signal?: AbortSignal;
};

/**
 * One completion's exchange. Its payload is checked against the receiver's schema first; with "validate before
 * sending" on, one that breaks it is not sent, as a run would not send it.
 */
async function exchangeFor(test: TestContext, record: CompletionRecordRow): Promise<TestExchange> {
  const base = {
    completionId: record.completionId,
    activityName: record.activity.activityName,
    completionDate: record.completion.completionDate.toISOString(),
  };
  const built = buildPayload(test.mapping, record);
  if (!built.ok) return { ...base, payloadErrors: built.errors.map((e) => e.message) };
  const schemaIssues = test.check?.(built.payload) ?? [];
  const checked = schemaIssues.length > 0 ? { schemaIssues } : {};
  if (schemaIssues.length > 0 && test.validateBeforeSending)
    return { ...base, ...checked, payload: built.payload };
  const outcome = await sendAttempt({
    settings: test.settings,
    target: test.target,
    body: built.payload,
    idempotencyKey: `test-${randomUUID()}`,
    signal: test.signal,
  });
  return {
    ...base,
    ...checked,
    request: { method: "POST", url: outcome.url, headers: outcome.requestHeaders, body: built.payload },
    outcome,
  };
}
