import type { ClaimedDelivery, DeliveryUpdate } from "@/db/queries/deliveries";
import { serializeSyncLogRow } from "@/db/queries/sync-log";
import type { AttemptOutcome } from "@/lib/delivery/types";
import type { AttemptContext } from "./attempt-delivery";
import type { AttemptResult, KeptOutcome } from "./attempt-result";
import type { BuiltRequest } from "./build-request";
import { planAfterFailure } from "./retry-policy";
import type { SentRequest } from "./send-request";

/** A sent attempt as its batch will record it: the delivery's next state (a retry when it failed) and its log row. */
export function recordSent(
  ctx: AttemptContext,
  delivery: ClaimedDelivery,
  request: BuiltRequest & { ok: true },
  sent: SentRequest,
): AttemptResult {
  const { outcome, finishedAt } = sent;
  const plan = outcome.ok
    ? { state: "succeeded" as const, nextAttemptAt: finishedAt }
    : planAfterFailure(delivery.cycleAttempts + 1, ctx.retrySchedule, finishedAt, outcome);
  const attempt = { delivery, userId: request.userId, requestBody: request.body, outcome, finishedAt };
  return recorded(ctx, attempt, plan, true);
}

/** An attempt that sent nothing (no completion, or no payload): logged, but not counted against the receiver. */
export function recordNotSent(
  ctx: AttemptContext,
  delivery: ClaimedDelivery,
  request: BuiltRequest & { ok: false },
): AttemptResult {
  const outcome = localFailure(ctx.settings.endpointUrl, request.message);
  const finishedAt = new Date(ctx.clock.now());
  const attempt = { delivery, userId: request.userId, requestBody: "", outcome, finishedAt };
  return recorded(ctx, attempt, { state: request.state, nextAttemptAt: finishedAt }, false);
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
function recorded(
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
