import type { CompletionRecordRow } from "@/db/queries/completion-records";
import type { ClaimCursor, ClaimedDelivery } from "@/db/queries/deliveries";
import type { RunCounts } from "@/db/queries/sync-runs";
import type { AttemptResult } from "./attempt-result";
import type { StopReason } from "./model";

/**
 * Everything a run changes as it goes, in one place: what it has claimed, sent and not yet written, where its
 * claims continue, and why it stops. Each step (claim, send, record) reads and updates its own part.
 */
export type RunState = {
  /** Claimed, not yet started, in due order. */
  queue: ClaimedDelivery[];
  /** The completions of claimed deliveries, by completion id, until their attempt starts. */
  records: Map<number, CompletionRecordRow>;
  /** Attempts whose request has left (recorded as in flight first), until their answer is kept. */
  inFlight: Set<Promise<void>>;
  /** Attempts being recorded as in flight before they are sent (by `marking`); each takes a slot already. */
  starting: number;
  marking: Promise<void> | null;
  /** How long attempts take lately, from sending to the answer (a moving average, in ms). */
  attemptMs: number;
  /** Finished attempts waiting to be written with their batch. */
  results: AttemptResult[];
  /** Wakes the run when the waiting results are due to be written, if nothing else does first. */
  writeTimer: NodeJS.Timeout | null;
  /** What the written batches added to the run's counts. */
  totals: RunCounts;
  /** Where the next claim continues; null starts again from the top. */
  cursor: ClaimCursor | null;
  /** A claim from the top found nothing: everything due has been claimed. */
  isExhausted: boolean;
  claiming: Promise<void> | null;
  writing: Promise<void> | null;
  /** When the last batch started to be written (performance.now(): batching is about I/O, not the clock). */
  lastWriteAt: number;
  /** Failed attempts in a row, the integration's counter as this run sees it. */
  consecutiveFailures: number;
  stopReason: StopReason | null;
  /** The first error of each step; any of them fails the run. */
  claimError: unknown;
  writeError: unknown;
  attemptError: unknown;
  wakeUp: WakeUp;
};

/** A write or an attempt failed unexpectedly: the run takes no new work and fails once the rest is written. */
export const hasFailed = (state: RunState): boolean => Boolean(state.writeError || state.attemptError);

export function newRunState(consecutiveFailures: number): RunState {
  return {
    queue: [],
    records: new Map(),
    inFlight: new Set(),
    starting: 0,
    marking: null,
    attemptMs: 0,
    results: [],
    writeTimer: null,
    totals: { sent: 0, succeeded: 0, failed: 0, retried: 0 },
    cursor: null,
    isExhausted: false,
    claiming: null,
    writing: null,
    lastWriteAt: performance.now(),
    consecutiveFailures,
    stopReason: null,
    claimError: null,
    writeError: null,
    attemptError: null,
    wakeUp: newWakeUp(),
  };
}

/**
 * The run's loop sleeps until something changes: an attempt ends, a claim returns, or the stop signal fires.
 * (Racing the in-flight promises against a stop promise instead would leave one reaction on that promise per
 * attempt, for the whole run: memory that grows with the backlog.)
 */
export type WakeUp = { wake(): void; next(): Promise<void> };

function newWakeUp(): WakeUp {
  let isWoken = false;
  let onWake: (() => void) | null = null;
  return {
    wake: () => {
      isWoken = true;
      onWake?.();
    },
    next: async () => {
      if (!isWoken) {
        await new Promise<void>((resolve) => {
          onWake = resolve;
        });
      }
      isWoken = false;
      onWake = null;
    },
  };
}
