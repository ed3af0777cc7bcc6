import type { Db } from "@/db/client";
import type { Integration } from "@/db/schema";
import type { Clock } from "@/lib/clock";
import type { AttemptContext } from "./attempt-delivery";
import type { RunStatus, RunTrigger } from "./model";

export type RunSyncOptions = {
  /** Names the lease holder (worker id); leases expire so a dead worker's deliveries become due again. */
  owner?: string;
  /** How long claimed deliveries stay leased beyond the attempts' own timeout. */
  leaseMarginMs?: number;
  stopSignal?: AbortSignal;
  /** Attempts written per transaction. */
  flushSize?: number;
  onLog?: (message: string) => void;
  /** Decides what is due, when leases run out and when retries fall due (a test moves it forward). */
  clock?: Clock;
  /** The queued run (Run now's) this run starts as; a manual or scheduled run takes any queued one. */
  queuedRunId?: number;
  /**
   * Records attempts as in flight before their requests leave (markInFlight). Only `npm run bench:sync` replaces
   * it (with nothing, and with a bare round trip) to measure in the same run what recording costs; a run without
   * it is not crash-exact.
   */
  recordInFlight?: RecordInFlight;
};

export type RecordInFlight = (db: Db, logRows: string[]) => Promise<void>;

/** What stays fixed for the whole of one run: its integration, its limits, its clock and where it reports. */
export type RunContext = {
  db: Db;
  integrationId: string;
  runId: number;
  trigger: RunTrigger;
  attempt: AttemptContext;
  failureThreshold: number;
  /** Attempts in flight at once. */
  concurrency: number;
  /** Deliveries per claim, and the queue length below which the next claim starts. */
  batchSize: number;
  refillBelow: number;
  leaseMs: number;
  owner: string;
  /** Attempts written per transaction. */
  flushSize: number;
  recordInFlight: RecordInFlight;
  clock: Clock;
  stopSignal: AbortSignal;
  log: (message: string) => void;
};

export type RunLimits = Pick<RunContext, "concurrency" | "batchSize" | "refillBelow" | "leaseMs">;

/**
 * How much a run claims at once and how long it leases it. Claimed well ahead (32 rounds, 32 to 256 deliveries,
 * refilled when half is left) so the attempts never wait for the database: each claim commits, and a commit can
 * take as long as many attempts. A delivery then waits behind at most 1.5 batches of attempts, each up to two
 * requests when a bearer login is refreshed, before its own starts; the lease outlives that. (A crashed worker's
 * leases are given back by recoverCrashedWorkers.)
 */
export function runLimits(
  integration: Pick<Integration, "concurrency" | "timeoutMs">,
  leaseMarginMs: number,
): RunLimits {
  const concurrency = Math.max(1, Math.min(32, integration.concurrency));
  const batchSize = Math.min(256, concurrency * 32);
  const refillBelow = batchSize / 2;
  const roundsAhead = Math.ceil((batchSize + refillBelow) / concurrency) + 1;
  const leaseMs = integration.timeoutMs * 2 * roundsAhead + leaseMarginMs;
  return { concurrency, batchSize, refillBelow, leaseMs };
}

export type RunSummary =
  | { ran: false; reason: string }
  | {
      ran: true;
      runId: number;
      status: RunStatus;
      sent: number;
      succeeded: number;
      failed: number;
      retried: number;
      /** Why it stopped early (a StopReason), or why it was refused. */
      stopReason: string | null;
    };
