import type { ClaimedDelivery, DeliveryUpdate } from "@/db/queries/deliveries";
import type { AttemptOutcome } from "@/lib/delivery/types";

/** Enough of a success to count it; a failure keeps its whole outcome (a notification quotes its error). */
export type KeptOutcome = { ok: true; status: number | null; url: string } | (AttemptOutcome & { ok: false });

/** An attempt recorded as in flight (see attemptsInFlight), whose request leaves now. */
export type StartedAttempt = {
  delivery: ClaimedDelivery;
  /** The request body, serialised once: these bytes are both sent and logged. */
  body: string;
  /** Its log row as recorded in flight (serialised): the request, no answer yet. */
  logRow: string;
};

/** One finished attempt of a run, waiting in memory to be written with its batch. */
export type AttemptResult = {
  delivery: ClaimedDelivery;
  outcome: KeptOutcome;
  /** Its sync_log row, already serialised (see serializeSyncLogRow): one string per waiting attempt. */
  logRow: string;
  /** False when nothing was sent (the payload could not be built): it does not count against the receiver. */
  wasSent: boolean;
  /** The delivery's next state; `lastAttemptAt` is when this attempt ended. */
  update: DeliveryUpdate;
};

export function isFailure(result: AttemptResult): result is AttemptResult & { outcome: { ok: false } } {
  return !result.outcome.ok;
}
