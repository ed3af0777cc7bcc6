import type { ClaimedDelivery, DeliveryUpdate } from "@/db/queries/deliveries";
import {
  type SyncLogAnswer,
  serializeInFlightRow,
  serializeSyncLogRow,
  withLoggedAnswer,
} from "@/db/queries/sync-log";
import type { AttemptOutcome } from "@/lib/delivery/types";
import type { AttemptContext } from "./attempt-delivery";
import type { AttemptResult, KeptOutcome, StartedAttempt } from "./attempt-result";
import type { BuiltRequest } from "./build-request";
import { planAfterFailure } from "./retry-policy";
import type { SentRequest } from "./send-request";

/**
 * The log row of an attempt whose request is about to leave, as it is recorded in flight: the request and no
 * answer (crash recovery logs it as interrupted if none is ever written).
 */
export function inFlightRow(
  ctx: AttemptContext,
  delivery: ClaimedDelivery,
  request: BuiltRequest & { ok: true },
  startedAt: Date,
): string {
  return serializeInFlightRow({
    ...logIdentity(ctx, delivery, request.userId),
    requestBody: request.body,
    createdAt: startedAt,
    requestUrl: ctx.settings.endpointUrl,
    requestHeaders: { ...ctx.headersBeforeAuth, "Idempotency-Key": delivery.idempotencyKey },
  });
}

/** A sent attempt as its batch will record it: the delivery's next state (a retry when it failed) and its log row. */
export function recordSent(ctx: AttemptContext, started: StartedAttempt, sent: SentRequest): AttemptResult {
  const { delivery } = started;
  const { outcome, finishedAt } = sent;
  const plan = outcome.ok
    ? { state: "succeeded" as const, nextAttemptAt: finishedAt }
    : planAfterFailure(delivery.cycleAttempts + 1, ctx.retrySchedule, finishedAt, outcome);
  const update = nextState(delivery, plan, outcome, finishedAt);
  const logRow = withLoggedAnswer(started.logRow, answer(outcome, finishedAt));
  return { delivery, outcome: kept(outcome), logRow, wasSent: true, update };
}

/** An attempt that sent nothing (no completion, or no payload): logged whole, but not counted against the receiver. */
export function recordNotSent(
  ctx: AttemptContext,
  delivery: ClaimedDelivery,
  request: BuiltRequest & { ok: false },
): AttemptResult {
  const outcome = localFailure(ctx.settings.endpointUrl, request);
  const finishedAt = new Date(ctx.clock.now());
  const plan = { state: request.state, nextAttemptAt: finishedAt };
  const update = nextState(delivery, plan, outcome, finishedAt);
  const logRow = serializeSyncLogRow({
    ...logIdentity(ctx, delivery, request.userId),
    requestBody: request.body ?? "",
    ...answer(outcome, finishedAt),
  });
  return { delivery, outcome: kept(outcome), logRow, wasSent: false, update };
}

/** What every log row of an attempt names: its integration, delivery, run, learner and attempt number. */
function logIdentity(ctx: AttemptContext, delivery: ClaimedDelivery, userId: number | null) {
  return {
    integrationId: ctx.log.integrationId,
    deliveryId: delivery.id,
    runId: ctx.log.runId,
    userId,
    completionId: delivery.completionId,
    attempt: delivery.attempts + 1,
    mappingVersion: ctx.log.mappingVersion,
  };
}

/** The part of a log row the answer decides; the row is dated when the attempt ended. */
function answer(outcome: AttemptOutcome, finishedAt: Date): SyncLogAnswer {
  return {
    createdAt: finishedAt,
    durationMs: Math.round(outcome.durationMs),
    requestUrl: outcome.url,
    requestHeaders: outcome.requestHeaders,
    status: outcome.status,
    responseHeaders: outcome.responseHeaders,
    responseBody: outcome.responseBody,
    responseTruncated: outcome.truncated,
    errorCode: outcome.error?.code ?? null,
    errorMessage: outcome.error?.message ?? null,
    errorDetail: outcome.error?.detail ?? null,
    ...(!outcome.ok &&
      outcome.diagnosis && {
        diagnosis: outcome.diagnosis.class,
        diagnosisCause: outcome.diagnosis.cause,
        diagnosisFix: outcome.diagnosis.fix,
      }),
    outcome: outcome.ok ? ("success" as const) : ("failure" as const),
  };
}

function nextState(
  delivery: ClaimedDelivery,
  plan: Pick<DeliveryUpdate, "state" | "nextAttemptAt">,
  outcome: AttemptOutcome,
  finishedAt: Date,
): DeliveryUpdate {
  return {
    id: delivery.id,
    ...plan,
    attempts: delivery.attempts + 1,
    cycleAttempts: delivery.cycleAttempts + 1,
    lastStatus: outcome.status,
    lastError: outcome.ok ? null : (outcome.error?.message ?? `HTTP ${outcome.status}`),
    lastAttemptAt: finishedAt,
    succeeded: outcome.ok,
  };
}

/** Of a success only what the run counts; a failure whole. */
function kept(outcome: AttemptOutcome): KeptOutcome {
  return outcome.ok ? { ok: true, status: outcome.status, url: outcome.url } : { ...outcome, ok: false };
}

/** Why a request was not sent, for its log row: a payload not built, or one that breaks the receiver's schema. */
const NOT_SENT = {
  not_built: {
    code: "config",
    class: "payload_not_built",
    fix: "Open the payload mapping, check it against this learner with the preview, and save a fixed mapping.",
  },
  breaks_schema: {
    code: "schema",
    class: "payload_breaks_schema",
    fix: "Open the payload mapping: its preview shows each problem at its key for this learner. Change the mapping so the payload fits, or, if the receiver does accept it, correct the schema under Receiver's contract (or turn Validate before sending off). The delivery is sent by the next scheduled run or Run now.",
  },
} as const;

function localFailure(url: string, request: BuiltRequest & { ok: false }): AttemptOutcome {
  const { message } = request;
  const why = NOT_SENT[request.reason];
  return {
    ok: false,
    status: null,
    url,
    requestHeaders: {},
    responseHeaders: {},
    responseBody: "",
    truncated: false,
    durationMs: 0,
    error: { code: why.code, message },
    diagnosis: { class: why.class, cause: message, fix: why.fix },
  };
}
