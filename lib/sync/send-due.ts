import { startClaim } from "./claim-batch";
import type { RunContext } from "./run-context";
import { hasFailed, type RunState } from "./run-state";
import { startAttempts } from "./start-attempts";
import { writeAllResults, writeWhenDue } from "./write-results";

/**
 * Runs the steps until nothing is due or the run must stop: claims ahead, keeps `concurrency` attempts in flight
 * (each one recorded as in flight, sent, and its answer kept), and writes their answers in batches. Returns once
 * all of them are written.
 */
export async function sendDueDeliveries(run: RunContext, state: RunState): Promise<void> {
  const { wake } = state.wakeUp;
  run.stopSignal.addEventListener("abort", wake, { once: true });
  for (;;) {
    if (run.stopSignal.aborted) state.stopReason ??= "shutdown";
    if (state.stopReason || hasFailed(state)) break;
    if (!state.claiming && !state.isExhausted && state.queue.length < run.refillBelow) startClaim(run, state);
    const free = run.concurrency - state.inFlight.size - state.starting;
    if (free > 0 && state.queue.length > 0 && !state.marking) startAttempts(run, state, free);
    if (state.inFlight.size === 0 && state.starting === 0 && state.queue.length === 0) {
      if (state.claiming) await state.claiming;
      if (state.queue.length === 0 && (state.isExhausted || state.stopReason)) break;
      continue;
    }
    await state.wakeUp.next();
    const behind = writeWhenDue(run, state);
    if (behind) await behind;
  }
  run.stopSignal.removeEventListener("abort", wake);
  // Attempts still being recorded are not sent now (the run is stopping): nothing joins those in flight.
  if (state.marking) await state.marking;
  await Promise.all(state.inFlight);
  if (state.claiming) await state.claiming;
  await writeAllResults(run, state);
}
