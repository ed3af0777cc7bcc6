import { attemptDelivery } from "./attempt-delivery";
import type { StartedAttempt } from "./attempt-result";
import { buildRequest } from "./build-request";
import { withDbRetry } from "./db-retry";
import { inFlightRow, recordNotSent } from "./record-attempt";
import type { RunContext } from "./run-context";
import { hasFailed, type RunState } from "./run-state";
import { keepResult } from "./write-results";

/**
 * Starts up to `slots` attempts from the queue: builds their requests, records them as in flight in one statement,
 * and sends them once that is written, so every request that may reach the receiver is on record before it leaves
 * (crash recovery logs it as interrupted if its answer never is). Only attempts sent at once are recorded: a run
 * that stops meanwhile sends none of them, and gives their leases back with the queue. A payload that cannot be
 * built is recorded without a request. One such write at a time: slots freed meanwhile gather for the next.
 */
export function startAttempts(run: RunContext, state: RunState, slots: number): void {
  const startedAt = new Date(run.clock.now());
  const toStart: StartedAttempt[] = [];
  while (toStart.length < slots && state.queue.length > 0) {
    const delivery = state.queue.shift()!;
    const record = state.records.get(delivery.completionId);
    state.records.delete(delivery.completionId);
    const request = buildRequest(run.attempt.mapping, record, run.attempt.contract);
    if (!request.ok) {
      keepResult(run, state, recordNotSent(run.attempt, delivery, request));
      continue;
    }
    const logRow = inFlightRow(run.attempt, delivery, request, startedAt);
    toStart.push({ delivery, body: request.body, logRow });
  }
  if (toStart.length === 0) return;

  state.starting = toStart.length;
  state.marking = withDbRetry(() =>
    run.recordInFlight(
      run.db,
      toStart.map((s) => s.logRow),
    ),
  )
    .then(
      () => {
        state.starting = 0;
        if (state.stopReason || run.stopSignal.aborted || hasFailed(state)) {
          state.queue.unshift(...toStart.map((s) => s.delivery));
        } else for (const started of toStart) send(run, state, started);
      },
      (error: unknown) => {
        state.starting = 0;
        state.writeError ??= error;
        state.queue.unshift(...toStart.map((s) => s.delivery));
      },
    )
    .finally(() => {
      state.marking = null;
      state.wakeUp.wake();
    });
}

function send(run: RunContext, state: RunState, started: StartedAttempt): void {
  const sentAt = performance.now();
  const attempt = attemptDelivery(run.attempt, started).then(
    (result) => {
      state.inFlight.delete(attempt);
      state.attemptMs = state.attemptMs * 0.8 + (performance.now() - sentAt) * 0.2;
      keepResult(run, state, result);
      state.wakeUp.wake();
    },
    (error: unknown) => {
      state.inFlight.delete(attempt);
      state.attemptError ??= error;
      state.wakeUp.wake();
    },
  );
  state.inFlight.add(attempt);
}
