import { errorText } from "@/db/error-text";
import { nextRetryAt, releaseLeases, takeBackDeliveries } from "@/db/queries/deliveries";
import { finishSyncRun } from "@/db/queries/sync-runs";
import { withDbRetry } from "./db-retry";
import { enqueueRetrySync } from "./jobs";
import { type RunStatus, STOP_REASON_TEXT, type StopReason } from "./model";
import type { RunContext, RunSummary } from "./run-context";
import type { RunState } from "./run-state";

/**
 * Ends a run whose attempts are all written: gives back the leases it claimed but never started, records how it
 * ended, and enqueues the run that follows it. A step that failed fails the run, and its error is thrown.
 */
export async function closeRun(run: RunContext, state: RunState): Promise<RunSummary> {
  const { db, runId } = run;
  const finishedAt = () => new Date(run.clock.now());
  await withDbRetry(() =>
    releaseLeases(
      db,
      state.queue.map((d) => d.id),
    ),
  );
  const failure = whyFailed(state);
  if (failure) {
    // Answers that could not be written leave their attempts in flight: they may have reached the receiver.
    await withDbRetry(() => takeBackDeliveries(db, run.integrationId, run.owner));
    await withDbRetry(() => finishSyncRun(db, runId, "failed", failure.why, finishedAt()));
    throw failure.error;
  }
  const { stopReason, totals } = state;
  const status: RunStatus = stopReason ? "stopped" : "completed";
  const stopText = stopReason ? STOP_REASON_TEXT[stopReason] : null;
  await withDbRetry(() => finishSyncRun(db, runId, status, stopText, finishedAt()));
  await scheduleFollowUp(run, stopReason);
  run.log(
    `run ${runId} ${status}: ${totals.sent} sent, ${totals.succeeded} succeeded, ${totals.retried} to retry, ${totals.failed} failed${stopText ? ` (${stopText})` : ""}`,
  );
  return { ran: true, runId, status, ...totals, stopReason };
}

function whyFailed(state: RunState): { error: unknown; why: string } | null {
  const { attemptError, claimError, writeError } = state;
  if (attemptError)
    return { error: attemptError, why: `an attempt failed unexpectedly: ${errorText(attemptError)}` };
  if (claimError)
    return { error: claimError, why: `the database could not be read: ${errorText(claimError)}` };
  if (writeError)
    return { error: writeError, why: `the results could not be written: ${errorText(writeError)}` };
  return null;
}

/** Retries need a run when they fall due; a run cut short by shutdown continues on the next worker at once. */
async function scheduleFollowUp(run: RunContext, stopReason: StopReason | null): Promise<void> {
  if (stopReason && stopReason !== "shutdown") return;
  const { db, integrationId } = run;
  const at =
    stopReason === "shutdown"
      ? new Date(run.clock.now())
      : await withDbRetry(() => nextRetryAt(db, integrationId));
  if (at) await withDbRetry(() => enqueueRetrySync(db, integrationId, at));
}
