import { z } from "zod";
import type { Diagnosis } from "../delivery/model";

// The sync domain's words: delivery states, run triggers and statuses, why a run stops, log outcomes, and the
// sync's own limits. Client-safe (zod and constants only): the log page, the API, the database schema and the
// worker all import from here.

/** A delivery is one completion for one integration; "not yet sent" are `pending` and `failed`. */
export const DELIVERY_STATES = ["pending", "retrying", "succeeded", "failed", "skipped"] as const;
export const deliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

/**
 * What started a run: the schedule's tick, "Run now", retries falling due, new or changed completions (sync on
 * completion), the minute tick finding due deliveries no job would send, enabling the integration, or an admin's
 * resend. Only the first two start new retry cycles for failed deliveries (startsNewCycles).
 */
export const RUN_TRIGGERS = [
  "schedule",
  "manual",
  "retry",
  "completion",
  "tick",
  "enable",
  "resend",
] as const;
export const runTriggerSchema = z.enum(RUN_TRIGGERS);
export type RunTrigger = z.infer<typeof runTriggerSchema>;

/**
 * The triggers of the run that sends what is due without new retry cycles: retries falling due, the minute tick
 * finding due deliveries no job would send, enabling an integration, and an admin's resend.
 */
export type RetryTrigger = Extract<RunTrigger, "retry" | "tick" | "enable" | "resend">;

/** Whether a run gives failed deliveries a new retry cycle: the schedule's business, and Run now's. */
export const startsNewCycles = (trigger: RunTrigger): boolean =>
  trigger === "schedule" || trigger === "manual";

/** `queued`: Run now asked for it and no worker has started it yet; the last three are how a run ended. */
export const RUN_STATUSES = ["queued", "running", "completed", "stopped", "failed"] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** Whether a run has ended (a script waiting for it stops polling). */
export const isRunDone = (status: RunStatus): boolean => status !== "queued" && status !== "running";

/** What a queued run records when its integration is no longer active as a worker comes to start it. */
export const NOT_STARTED_TEXT = "not started: the integration was paused or disabled before the run began";

/** Why a run stopped before it had sent everything due (its status is then `stopped`). */
export const STOP_REASONS = ["shutdown", "auto_disabled", "gone", "not_active"] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** A stop reason in words, as the run records it. */
export const STOP_REASON_TEXT: Record<StopReason, string> = {
  shutdown: "the worker is shutting down; the next run continues",
  auto_disabled: "auto-disabled after too many failures in a row",
  gone: "the receiver answered 410 Gone; the integration is paused",
  not_active: "the integration was paused or disabled during the run",
};

/**
 * What became of one logged attempt: delivered, failed, or interrupted when its worker died after the request left
 * and before the answer was recorded (crash recovery logs it): the receiver may or may not have received it, so it
 * counts as a failure of unknown result.
 */
export const LOG_OUTCOMES = ["success", "failure", "interrupted"] as const;
export const logOutcomeSchema = z.enum(LOG_OUTCOMES);
export type LogOutcome = z.infer<typeof logOutcomeSchema>;

export const LOG_OUTCOME_LABELS: Record<LogOutcome, string> = {
  success: "Succeeded",
  failure: "Failed",
  interrupted: "Interrupted (result unknown)",
};

/** The outcomes that count as failed: the chart and the "Failed" filter include attempts of unknown result. */
export const FAILED_OUTCOMES = ["failure", "interrupted"] as const satisfies readonly LogOutcome[];

/** What an interrupted attempt's log row says. */
export const INTERRUPTED_ERROR = {
  code: "interrupted",
  message: "The worker stopped before the answer was recorded; the receiver may have received it.",
} as const;

/** An interrupted attempt's diagnosis (the words of the others come from lib/delivery/diagnose.ts). */
export const INTERRUPTED_DIAGNOSIS = {
  class: "interrupted",
  cause:
    "The worker stopped after the request left and before the answer was recorded, so whether the receiver got it is unknown.",
  fix: "Nothing to do: the delivery is sent again with the same Idempotency-Key, so a receiver that honours it keeps one copy. If a repeat matters, ask the receiving system whether it arrived.",
} as const satisfies Diagnosis;

/**
 * The Idempotency-Key of a delivery carrying a completion's revision: the delivery's key for revision 1 (as before
 * revisions were sent), `<key>.r<revision>` from revision 2 on, so a receiver tells a correction from a repeat.
 */
export function idempotencyKeyOf(deliveryKey: string, revision: number): string {
  return revision > 1 ? `${deliveryKey}.r${revision}` : deliveryKey;
}

export const SYNC_DEFAULTS = {
  deliveryState: "pending",
  runStatus: "running",
  /** How long claimed deliveries stay leased beyond the attempts' own timeouts (SYNC_LEASE_MARGIN_MS). */
  leaseMarginMs: 60_000,
} as const satisfies { deliveryState: DeliveryState; runStatus: RunStatus; leaseMarginMs: number };

export const SYNC_LIMITS = {
  /** Retry-After from a receiver is honoured, but never beyond a day. */
  maxRetryAfterMs: 24 * 60 * 60 * 1000,
} as const;
