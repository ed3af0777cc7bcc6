import type { CompletionRecordRow } from "@/db/queries/completion-records";
import type { ClaimedDelivery } from "@/db/queries/deliveries";
import { sendAttempt } from "@/lib/delivery";
import type { AttemptOutcome, ConnectionSettings } from "@/lib/delivery/types";
import { buildPayload, type MappingEntry } from "@/lib/mapping";
import type { AttemptResult } from "./attempt-result";
import { planAfterFailure } from "./retry-policy";

export type AttemptContext = {
  settings: ConnectionSettings;
  mapping: MappingEntry[];
  retrySchedule: number[];
};

/** Builds one delivery's payload, sends it through the delivery library and decides the delivery's next state. */
export async function attemptDelivery(
  ctx: AttemptContext,
  delivery: ClaimedDelivery,
  record: CompletionRecordRow | undefined,
): Promise<AttemptResult> {
  const attempts = delivery.attempts + 1;
  const cycleAttempts = delivery.cycleAttempts + 1;
  const built = record ? buildPayload(ctx.mapping, record) : null;
  if (!record || !built?.ok) {
    const message = !record
      ? "The completion no longer exists in the LMS"
      : `The payload could not be built: ${built?.ok === false ? built.errors.map((e) => e.message).join("; ") : ""}`;
    const outcome = localFailure(ctx.settings.endpointUrl, message);
    const finishedAt = new Date();
    return {
      delivery,
      userId: record?.userId ?? null,
      requestBody: "",
      outcome,
      wasSent: false,
      finishedAt,
      update: {
        id: delivery.id,
        state: record ? "failed" : "skipped",
        attempts,
        cycleAttempts,
        nextAttemptAt: finishedAt,
        lastStatus: null,
        lastError: message,
        lastAttemptAt: finishedAt,
        succeeded: false,
      },
    };
  }
  const requestBody = JSON.stringify(built.payload);
  const outcome = await sendAttempt({
    settings: ctx.settings,
    target: "production",
    body: built.payload,
    idempotencyKey: delivery.idempotencyKey,
  });
  const finishedAt = new Date();
  const plan = outcome.ok
    ? { state: "succeeded" as const, nextAttemptAt: finishedAt }
    : planAfterFailure(cycleAttempts, ctx.retrySchedule, finishedAt, outcome);
  return {
    delivery,
    userId: record.userId,
    requestBody,
    outcome,
    wasSent: true,
    finishedAt,
    update: {
      id: delivery.id,
      state: plan.state,
      attempts,
      cycleAttempts,
      nextAttemptAt: plan.nextAttemptAt,
      lastStatus: outcome.status,
      lastError: outcome.ok ? null : (outcome.error?.message ?? `HTTP ${outcome.status}`),
      lastAttemptAt: finishedAt,
      succeeded: outcome.ok,
    },
  };
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
