import type { CompletionRecordRow } from "@/db/queries/completion-records";
import type { ClaimedDelivery, DeliveryUpdate } from "@/db/queries/deliveries";
import { serializeSyncLogRow } from "@/db/queries/sync-log";
import { sendAttempt } from "@/lib/delivery";
import type { AttemptOutcome, ConnectionSettings } from "@/lib/delivery/types";
import { buildPayload, type MappingEntry } from "@/lib/mapping";
import type { AttemptResult, KeptOutcome } from "./attempt-result";
import { planAfterFailure } from "./retry-policy";

export type AttemptContext = {
  settings: ConnectionSettings;
  mapping: MappingEntry[];
  retrySchedule: number[];
  /** What every log row of the run names. */
  log: { integrationId: string; runId: number; mappingVersion: number };
};

/** Builds one delivery's payload, sends it through the delivery library and decides the delivery's next state. */
export async function attemptDelivery(
  ctx: AttemptContext,
  delivery: ClaimedDelivery,
  record: CompletionRecordRow | undefined,
): Promise<AttemptResult> {
  const built = record ? buildPayload(ctx.mapping, record) : null;
  if (!record || !built?.ok) {
    const message = !record
      ? "The completion no longer exists in the LMS"
      : `The payload could not be built: ${built?.ok === false ? built.errors.map((e) => e.message).join("; ") : ""}`;
    const outcome = localFailure(ctx.settings.endpointUrl, message);
    const finishedAt = new Date();
    const plan = { state: record ? ("failed" as const) : ("skipped" as const), nextAttemptAt: finishedAt };
    const attempt = { delivery, userId: record?.userId ?? null, requestBody: "", outcome, finishedAt };
    return finished(ctx, attempt, plan, false);
  }
  // Serialised once: these bytes are both sent and logged.
  const requestBody = JSON.stringify(built.payload);
  const outcome = await sendAttempt({
    settings: ctx.settings,
    target: "production",
    json: requestBody,
    idempotencyKey: delivery.idempotencyKey,
  });
  const finishedAt = new Date();
  const plan = outcome.ok
    ? { state: "succeeded" as const, nextAttemptAt: finishedAt }
    : planAfterFailure(delivery.cycleAttempts + 1, ctx.retrySchedule, finishedAt, outcome);
  return finished(ctx, { delivery, userId: record.userId, requestBody, outcome, finishedAt }, plan, true);
}

type Attempt = {
  delivery: ClaimedDelivery;
  userId: number | null;
  requestBody: string;
  outcome: AttemptOutcome;
  finishedAt: Date;
};

/**
 * The attempt as it waits for its batch: the delivery's next state, its log row serialised, and of a success only
 * what the run counts.
 */
function finished(
  ctx: AttemptContext,
  a: Attempt,
  plan: Pick<DeliveryUpdate, "state" | "nextAttemptAt">,
  wasSent: boolean,
): AttemptResult {
  const { delivery, outcome, finishedAt } = a;
  const update: DeliveryUpdate = {
    id: delivery.id,
    ...plan,
    attempts: delivery.attempts + 1,
    cycleAttempts: delivery.cycleAttempts + 1,
    lastStatus: outcome.status,
    lastError: outcome.ok ? null : (outcome.error?.message ?? `HTTP ${outcome.status}`),
    lastAttemptAt: finishedAt,
    succeeded: outcome.ok,
  };
  const logRow = serializeSyncLogRow({
    integrationId: ctx.log.integrationId,
    deliveryId: delivery.id,
    runId: ctx.log.runId,
    userId: a.userId,
    completionId: delivery.completionId,
    createdAt: finishedAt,
    durationMs: Math.round(outcome.durationMs),
    attempt: update.attempts,
    requestUrl: outcome.url,
    requestHeaders: outcome.requestHeaders,
    requestBody: a.requestBody,
    status: outcome.status,
    responseHeaders: outcome.responseHeaders,
    responseBody: outcome.responseBody,
    responseTruncated: outcome.truncated,
    errorCode: outcome.error?.code ?? null,
    errorMessage: outcome.error?.message ?? null,
    outcome: outcome.ok ? "success" : "failure",
    mappingVersion: ctx.log.mappingVersion,
  });
  const kept: KeptOutcome = outcome.ok
    ? { ok: true, status: outcome.status, url: outcome.url }
    : { ...outcome, ok: false };
  return { delivery, outcome: kept, logRow, wasSent, update };
}

function localFailure(url: string, message: string): AttemptOutcome {
  return {
    ok: false,
    status: null,
    url,
    requestHeaders: {},
    responseHeaders: {},
    responseBody: "",
    truncated: false,
    durationMs: 0,
    error: { code: "config", message },
    diagnosis: {
      cause: message,
      fix: "Open the payload mapping, check it against this learner with the preview, and save a fixed mapping.",
    },
  };
}
