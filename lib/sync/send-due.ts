import type { ClaimedDelivery } from "@/db/queries/deliveries";
import { attemptDelivery } from "./attempt-delivery";
import { startClaim } from "./claim-batch";
import type { RunContext } from "./run-context";
import type { RunState } from "./run-state";
import { keepResult, writeAllResults, writeWhenDue } from "./write-results";

/**
 * Runs the steps until nothing is due or the run must stop: claims ahead, keeps `concurrency` attempts in flight
 * (each one built, sent and recorded), and writes their results in batches. Returns once all of them are written.
 */
export async function sendDueDeliveries(run: RunContext, state: RunState): Promise<void> {
  const { wake } = state.wakeUp;
  run.stopSignal.addEventListener("abort", wake, { once: true });
  for (;;) {
    if (run.stopSignal.aborted) state.stopReason ??= "shutdown";
    if (state.stopReason || state.writeError || state.attemptError) break;
    if (!state.claiming && !state.isExhausted && state.queue.length < run.refillBelow) startClaim(run, state);
    while (state.inFlight.size < run.concurrency && state.queue.length > 0) {
      startAttempt(run, state, state.queue.shift()!);
    }
    if (state.inFlight.size === 0 && state.queue.length === 0) {
      if (state.claiming) await state.claiming;
      if (state.queue.length === 0 && (state.isExhausted || state.stopReason)) break;
      continue;
    }
    await state.wakeUp.next();
    const behind = writeWhenDue(run, state);
    if (behind) await behind;
  }
  run.stopSignal.removeEventListener("abort", wake);
  await Promise.all(state.inFlight);
  if (state.claiming) await state.claiming;
  await writeAllResults(run, state);
}

function startAttempt(run: RunContext, state: RunState, delivery: ClaimedDelivery): void {
  const record = state.records.get(delivery.completionId);
  state.records.delete(delivery.completionId);
  const attempt = attemptDelivery(run.attempt, delivery, record).then(
    (result) => {
      state.inFlight.delete(attempt);
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
