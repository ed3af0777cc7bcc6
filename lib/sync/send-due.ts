import { startClaim } from "./claim-batch";
import type { RunContext } from "./run-context";
import { hasFailed, type RunState } from "./run-state";
import { startAttempts } from "./start-attempts";
import { writeAllResults, writeWhenDue } from "./write-results";

/**
 * The longest a freed slot waits for the others to free, so their attempts are recorded in flight in one statement
 * (each statement is a database round trip the attempts wait for). It waits no longer than attempts take lately,
 * so a slow receiver's slots are never held back for long.
 */
const MAX_GATHER_MS = 5;

/**
 * Runs the steps until nothing is due or the run must stop: claims ahead, keeps `concurrency` attempts in flight
 * (each one recorded as in flight, sent, and its answer kept), and writes their answers in batches. Returns once
 * all of them are written.
 */
export async function sendDueDeliveries(run: RunContext, state: RunState): Promise<void> {
  const { wake } = state.wakeUp;
  run.stopSignal.addEventListener("abort", wake, { once: true });
  const gather = { since: null as number | null, timer: null as ReturnType<typeof setTimeout> | null };
  for (;;) {
    if (run.stopSignal.aborted) state.stopReason ??= "shutdown";
    if (state.stopReason || hasFailed(state)) break;
    if (!state.claiming && !state.isExhausted && state.queue.length < run.refillBelow) startClaim(run, state);
    const free = run.concurrency - state.inFlight.size - state.starting;
    if (free > 0 && state.queue.length > 0 && !state.marking) {
      gather.since ??= performance.now();
      const window = Math.min(MAX_GATHER_MS, state.attemptMs);
      const waited = performance.now() - gather.since;
      if (free === run.concurrency || waited >= window) {
        gather.since = null;
        startAttempts(run, state, free);
      } else if (!gather.timer) {
        gather.timer = setTimeout(() => {
          gather.timer = null;
          wake();
        }, window - waited);
      }
    }
    if (state.inFlight.size === 0 && state.starting === 0 && state.queue.length === 0) {
      if (state.claiming) await state.claiming;
      if (state.queue.length === 0 && (state.isExhausted || state.stopReason)) break;
      continue;
    }
    await state.wakeUp.next();
    const behind = writeWhenDue(run, state);
    if (behind) await behind;
  }
  if (gather.timer) clearTimeout(gather.timer);
  run.stopSignal.removeEventListener("abort", wake);
  // Attempts still being recorded are not sent now (the run is stopping): nothing joins those in flight.
  if (state.marking) await state.marking;
  await Promise.all(state.inFlight);
  if (state.claiming) await state.claiming;
  await writeAllResults(run, state);
}
