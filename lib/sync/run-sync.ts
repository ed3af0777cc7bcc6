import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type CompletionRecordRow, loadCompletionRecords } from "@/db/queries/completion-records";
import {
  analyzeDeliveries,
  type ClaimCursor,
  type ClaimedDelivery,
  claimDueDeliveries,
  createMissingDeliveries,
  nextRetryAt,
  releaseLeases,
  restartFailedDeliveries,
} from "@/db/queries/deliveries";
import { findIntegration } from "@/db/queries/integrations";
import { finishSyncRun, insertSyncRun } from "@/db/queries/sync-runs";
import { integrations, type RunStatus, type RunTrigger } from "@/db/schema";
import { connectionFromIntegration } from "@/lib/integrations/connection";
import type { MappingEntry } from "@/lib/mapping";
import { getSettings } from "@/lib/settings";
import { type AttemptContext, attemptDelivery } from "./attempt-delivery";
import type { AttemptResult } from "./attempt-result";
import { withDbRetry } from "./db-retry";
import { flushResults } from "./flush-results";
import { enqueueRetrySync } from "./jobs";
import { refuseRun } from "./refuse-run";
import { shutdownSignal } from "./stop-signal";

export type RunSyncOptions = {
  /** Names the lease holder (worker id); leases expire so a dead worker's deliveries become due again. */
  owner?: string;
  /** How long claimed deliveries stay leased beyond the attempts' own timeout. */
  leaseMarginMs?: number;
  stopSignal?: AbortSignal;
  /** Attempts written per transaction. */
  flushSize?: number;
  onLog?: (message: string) => void;
};

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
      stopReason: string | null;
    };

/** One sync run of one integration: create missing deliveries, send every due one, record every attempt. */
export async function runSync(
  db: Db,
  integrationId: string,
  trigger: RunTrigger,
  options: RunSyncOptions = {},
): Promise<RunSummary> {
  const log = options.onLog ?? (() => {});
  const integration = await withDbRetry(() => findIntegration(db, integrationId));
  if (!integration) return { ran: false, reason: "not_found" };
  if (integration.status !== "active") return { ran: false, reason: integration.status };

  const run = await withDbRetry(() => insertSyncRun(db, integrationId, trigger));
  await db.update(integrations).set({ lastRunAt: run.startedAt }).where(eq(integrations.id, integrationId));
  const conn = connectionFromIntegration(integration);
  const refused = await refuseRun(db, integration, run.id, conn.ok ? null : conn.error);
  if (refused || !conn.ok)
    return {
      ran: true,
      runId: run.id,
      status: "failed",
      sent: 0,
      succeeded: 0,
      failed: 0,
      retried: 0,
      stopReason: refused,
    };

  const created = await withDbRetry(() => createMissingDeliveries(db, integrationId, integration.sendFrom));
  if (created >= 10_000) await withDbRetry(() => analyzeDeliveries(db));
  const restarted =
    trigger === "retry" ? 0 : await withDbRetry(() => restartFailedDeliveries(db, integrationId));
  log(`run ${run.id} (${trigger}): ${created} new deliveries, ${restarted} failed ones get a new cycle`);

  const ctx: AttemptContext = {
    settings: conn.settings,
    mapping: integration.mapping as MappingEntry[],
    retrySchedule: integration.retrySchedule,
    log: { integrationId, runId: run.id, mappingVersion: integration.mappingVersion },
  };
  const concurrency = Math.max(1, Math.min(32, integration.concurrency));
  const owner = options.owner ?? `pid-${process.pid}`;
  // Claimed well ahead (32 rounds, 32 to 256 deliveries, refilled when half is left) so the attempts never wait for
  // the database: each claim commits, and a commit can take as long as many attempts. A delivery then waits behind
  // at most 1.5 batches of attempts, each up to two requests when a bearer login is refreshed, before its own
  // starts; the lease outlives that. (A crashed worker's leases are given back by recoverCrashedWorkers.)
  const batchSize = Math.min(256, concurrency * 32);
  const refillBelow = batchSize / 2;
  const roundsAhead = Math.ceil((batchSize + refillBelow) / concurrency) + 1;
  const leaseMs =
    integration.timeoutMs * 2 * roundsAhead + (options.leaseMarginMs ?? getSettings().SYNC_LEASE_MARGIN_MS);
  const stopSignal = options.stopSignal ?? shutdownSignal;
  const flushSize = options.flushSize ?? 200;

  const totals = { sent: 0, succeeded: 0, failed: 0, retried: 0 };
  const queue: ClaimedDelivery[] = [];
  const records = new Map<number, CompletionRecordRow>();
  const inFlight = new Set<Promise<void>>();
  const buffer: AttemptResult[] = [];
  let flushing: Promise<void> | null = null;
  let flushError: unknown = null;
  let lastFlush = Date.now();
  let exhausted = false;
  let refilling: Promise<void> | null = null;
  let refillError: unknown = null;
  let stopReason: string | null = null;
  let consecutive = integration.consecutiveFailures;
  let attemptError: unknown = null;

  // One transaction at a time, up to `flushSize` results each; a failure stops the run (thrown at the end).
  const flush = (): Promise<void> => {
    if (flushing) return flushing;
    if (buffer.length === 0 || flushError) return Promise.resolve();
    const batch = buffer.splice(0, flushSize);
    lastFlush = Date.now();
    flushing = withDbRetry(() => flushResults(db, run.id, integrationId, batch), {
      onRetry: (_e, wait) =>
        log(`database unreachable; keeping ${batch.length} results and retrying in ${wait} ms`),
    })
      .then(
        (r) => {
          if (r.stop) stopReason ??= r.stop;
          totals.sent += r.counts.sent;
          totals.succeeded += r.counts.succeeded;
          totals.failed += r.counts.failed;
          totals.retried += r.counts.retried;
        },
        (error: unknown) => {
          flushError = error;
        },
      )
      .finally(() => {
        flushing = null;
      });
    return flushing;
  };
  const drain = async () => {
    while (flushing || (buffer.length > 0 && !flushError)) await flush();
  };

  // Claims continue after the previous one; once one comes back short, the next starts from the top again, and the
  // run has sent everything due when a claim from the top finds nothing.
  let cursor: ClaimCursor | null = null;
  const refill = async () => {
    const after = cursor;
    const claimed = await withDbRetry(() =>
      claimDueDeliveries(db, integrationId, batchSize, leaseMs, owner, after),
    );
    const last = claimed.at(-1);
    cursor = claimed.length < batchSize || !last ? null : { nextAttemptAt: last.nextAttemptAt, id: last.id };
    if (claimed.length === 0) {
      exhausted = after === null;
      return;
    }
    const loaded = await withDbRetry(() =>
      loadCompletionRecords(
        db,
        claimed.map((c) => c.completionId),
      ),
    );
    for (const [id, rec] of loaded) records.set(id, rec);
    queue.push(...claimed);
  };

  const start = (delivery: ClaimedDelivery) => {
    const record = records.get(delivery.completionId);
    records.delete(delivery.completionId);
    const p = attemptDelivery(ctx, delivery, record).then(
      (result) => {
        inFlight.delete(p);
        buffer.push(result);
        if (result.wasSent) consecutive = result.outcome.ok ? 0 : consecutive + 1;
        if (result.outcome.status === 410) stopReason ??= "gone";
        if (consecutive >= integration.failureThreshold) stopReason ??= "auto_disabled";
        wake();
      },
      (error: unknown) => {
        inFlight.delete(p);
        attemptError ??= error;
        wake();
      },
    );
    inFlight.add(p);
  };

  // The loop sleeps until something changes: an attempt ends, a claim returns, or the stop signal fires. (Racing
  // the in-flight promises against a stop promise instead would leave one reaction on that promise per attempt,
  // for the whole run: memory that grows with the backlog.)
  let isWoken = false;
  let onWake: (() => void) | null = null;
  function wake() {
    isWoken = true;
    onWake?.();
  }
  const nextEvent = () =>
    isWoken
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          onWake = resolve;
        });

  stopSignal.addEventListener("abort", wake, { once: true });
  for (;;) {
    if (stopSignal.aborted) stopReason ??= "shutdown";
    if (stopReason || flushError || attemptError) break;
    // Claiming runs beside the attempts, so the pipeline never drains while the database answers.
    if (!refilling && !exhausted && queue.length < refillBelow) {
      refilling = refill()
        .catch((error: unknown) => {
          refillError = error;
          exhausted = true;
        })
        .finally(() => {
          refilling = null;
          wake();
        });
    }
    while (inFlight.size < concurrency && queue.length > 0) start(queue.shift()!);
    if (inFlight.size === 0 && queue.length === 0) {
      if (refilling) await refilling;
      if (queue.length === 0 && (exhausted || stopReason)) break;
      continue;
    }
    await nextEvent();
    isWoken = false;
    onWake = null;
    if (buffer.length >= flushSize || (buffer.length > 0 && Date.now() - lastFlush > 500)) void flush();
    // Far behind the database: wait for it rather than hold ever more results in memory.
    if (buffer.length >= flushSize * 4) await flush();
  }
  stopSignal.removeEventListener("abort", wake);
  await Promise.all(inFlight);
  if (refilling) await refilling;
  await drain();
  await withDbRetry(() =>
    releaseLeases(
      db,
      queue.map((d) => d.id),
    ),
  );
  if (attemptError) {
    await withDbRetry(() =>
      finishSyncRun(db, run.id, "failed", `an attempt failed unexpectedly: ${String(attemptError)}`),
    );
    throw attemptError;
  }
  if (refillError || flushError) {
    const why = refillError
      ? `the database could not be read: ${String(refillError)}`
      : `the results could not be written: ${String(flushError)}`;
    await withDbRetry(() => finishSyncRun(db, run.id, "failed", why));
    throw refillError ?? flushError;
  }

  const status: RunStatus = stopReason ? "stopped" : "completed";
  const stopText =
    stopReason &&
    {
      shutdown: "the worker is shutting down; the next run continues",
      auto_disabled: "auto-disabled after too many failures in a row",
      gone: "the receiver answered 410 Gone; the integration is paused",
      not_active: "the integration was paused or disabled during the run",
    }[stopReason];
  await withDbRetry(() => finishSyncRun(db, run.id, status, stopText ?? null));
  await scheduleFollowUp(db, integrationId, stopReason);
  log(
    `run ${run.id} ${status}: ${totals.sent} sent, ${totals.succeeded} succeeded, ${totals.retried} to retry, ${totals.failed} failed${stopText ? ` (${stopText})` : ""}`,
  );
  return { ran: true, runId: run.id, status, ...totals, stopReason };
}

/** Retries need a run when they fall due; a run cut short by shutdown continues on the next worker at once. */
async function scheduleFollowUp(db: Db, integrationId: string, stopReason: string | null): Promise<void> {
  if (stopReason && stopReason !== "shutdown") return;
  const at = stopReason === "shutdown" ? new Date() : await withDbRetry(() => nextRetryAt(db, integrationId));
  if (at) await withDbRetry(() => enqueueRetrySync(db, integrationId, at));
}
