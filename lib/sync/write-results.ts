import type { AttemptResult } from "./attempt-result";
import { withDbRetry } from "./db-retry";
import { flushResults } from "./flush-results";
import type { RunContext } from "./run-context";
import type { RunState } from "./run-state";

/**
 * A batch that is not full is written once the previous one started this long ago: answers the receiver gave
 * wait at most this long (and the write) before they are recorded, so a worker that dies repeats at most this much
 * beyond what it had in flight.
 */
const WRITE_EVERY_MS = 50;

/**
 * Keeps a finished attempt for its batch. A failed 410 stops the run, and so does the failure that brings the failures in
 * a row to the threshold: no attempt starts after it, those in flight finish and are recorded.
 */
export function keepResult(run: RunContext, state: RunState, result: AttemptResult): void {
  state.results.push(result);
  if (result.wasSent) state.consecutiveFailures = result.outcome.ok ? 0 : state.consecutiveFailures + 1;
  if (!result.outcome.ok && result.outcome.status === 410) state.stopReason ??= "gone";
  if (state.consecutiveFailures >= run.failureThreshold) state.stopReason ??= "auto_disabled";
  wakeWhenDue(state);
}

/** Wakes the run when the next write falls due, so waiting results are written even when no other answer comes. */
function wakeWhenDue(state: RunState): void {
  if (state.writeTimer) return;
  const wait = Math.max(0, WRITE_EVERY_MS - (performance.now() - state.lastWriteAt));
  state.writeTimer = setTimeout(() => {
    state.writeTimer = null;
    state.wakeUp.wake();
  }, wait);
}

/**
 * Writes the next batch of kept results: one transaction at a time, up to `flushSize` results each. A database
 * restart costs a pause; any other failure stops the run and is thrown at its end.
 */
export function writeResults(run: RunContext, state: RunState): Promise<void> {
  if (state.writing) return state.writing;
  if (state.results.length === 0 || state.writeError) return Promise.resolve();
  const batch = state.results.splice(0, run.flushSize);
  state.lastWriteAt = performance.now();
  state.writing = withDbRetry(() => flushResults(run.db, run.runId, run.integrationId, batch), {
    onRetry: (_e, wait) =>
      run.log(`database unreachable; keeping ${batch.length} results and retrying in ${wait} ms`),
  })
    .then(
      (written) => {
        if (written.stop) state.stopReason ??= written.stop;
        state.totals.sent += written.counts.sent;
        state.totals.succeeded += written.counts.succeeded;
        state.totals.failed += written.counts.failed;
        state.totals.retried += written.counts.retried;
      },
      (error: unknown) => {
        state.writeError = error;
      },
    )
    .finally(() => {
      state.writing = null;
      // Results kept meanwhile may be due already.
      if (state.results.length > 0) state.wakeUp.wake();
    });
  return state.writing;
}

/**
 * Starts a write when a batch is full or has waited long enough. Far behind the database, returns the write to
 * wait for, rather than hold ever more results in memory.
 */
export function writeWhenDue(run: RunContext, state: RunState): Promise<void> | null {
  const waiting = state.results.length;
  const isDue = performance.now() - state.lastWriteAt >= WRITE_EVERY_MS;
  if (waiting >= run.flushSize || (waiting > 0 && isDue)) void writeResults(run, state);
  else if (waiting > 0 && !state.writing) wakeWhenDue(state);
  return state.results.length >= run.flushSize * 4 ? writeResults(run, state) : null;
}

/** Writes every kept result (unless a write already failed). */
export async function writeAllResults(run: RunContext, state: RunState): Promise<void> {
  if (state.writeTimer) clearTimeout(state.writeTimer);
  state.writeTimer = null;
  while (state.writing || (state.results.length > 0 && !state.writeError)) await writeResults(run, state);
}
