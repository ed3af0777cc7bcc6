import type { Db } from "@/db/client";
import { markInFlight } from "@/db/queries/deliveries";
import { findIntegration } from "@/db/queries/integrations";
import { cancelQueuedRuns, insertSyncRun, setLastRunAt, takeOverQueuedRun } from "@/db/queries/sync-runs";
import type { Integration } from "@/db/schema";
import { systemClock } from "@/lib/clock";
import type { ContractIssue } from "@/lib/contract/model";
import { receiverValidator } from "@/lib/contract/validator";
import { headersBeforeAuth, redactHeaders } from "@/lib/delivery";
import { connectionFromIntegration } from "@/lib/integrations/connection";
import type { MappingEntry } from "@/lib/mapping";
import { getSettings } from "@/lib/settings";
import { withDbRetry } from "./db-retry";
import { NOT_STARTED_TEXT, type RunTrigger } from "./model";
import { refuseRun } from "./refuse-run";
import { type RunContext, type RunSummary, type RunSyncOptions, runLimits } from "./run-context";
import { shutdownSignal } from "./stop-signal";

export type OpenedRun =
  | { ok: true; run: RunContext; integration: Integration }
  | { ok: false; summary: RunSummary };

const DEFAULT_FLUSH_SIZE = 200;

/**
 * Starts a run of an active integration: records the run, and refuses it (a failed run, people told) when its
 * mapping does not validate or its secrets do not decrypt.
 */
export async function openRun(
  db: Db,
  integrationId: string,
  trigger: RunTrigger,
  options: RunSyncOptions,
): Promise<OpenedRun> {
  const integration = await withDbRetry(() => findIntegration(db, integrationId));
  if (!integration) return { ok: false, summary: { ran: false, reason: "not_found" } };
  // The schedule's and Run now's job (one job key) starts the run Run now queued, so its id tells how it went.
  const takesQueued = trigger === "manual" || trigger === "schedule";
  if (integration.status !== "active") {
    if (takesQueued) await withDbRetry(() => cancelQueuedRuns(db, integrationId, NOT_STARTED_TEXT));
    return { ok: false, summary: { ran: false, reason: integration.status } };
  }

  const queued = takesQueued
    ? await withDbRetry(() => takeOverQueuedRun(db, integrationId, options.queuedRunId))
    : undefined;
  const { id: runId, startedAt } =
    queued ?? (await withDbRetry(() => insertSyncRun(db, integrationId, trigger)));
  await withDbRetry(() => setLastRunAt(db, integrationId, startedAt));
  const conn = connectionFromIntegration(integration);
  const refused = await withDbRetry(() => refuseRun(db, integration, runId, conn.ok ? null : conn.error));
  if (refused || !conn.ok) {
    const nothingSent = { sent: 0, succeeded: 0, failed: 0, retried: 0 };
    return {
      ok: false,
      summary: { ran: true, runId, status: "failed", ...nothingSent, stopReason: refused },
    };
  }

  const clock = options.clock ?? systemClock;
  const run: RunContext = {
    db,
    integrationId,
    runId,
    trigger,
    attempt: {
      settings: conn.settings,
      mapping: integration.mapping as MappingEntry[],
      contract: runContract(integration),
      retrySchedule: integration.retrySchedule,
      clock,
      log: { integrationId, runId, mappingVersion: integration.mappingVersion },
      headersBeforeAuth: redactHeaders(headersBeforeAuth(conn.settings, { body: "" }), conn.settings),
    },
    failureThreshold: integration.failureThreshold,
    ...runLimits(integration, options.leaseMarginMs ?? getSettings().SYNC_LEASE_MARGIN_MS),
    // Each run its own owner, so taking back one run's leases (see takeBackDeliveries) leaves another's alone.
    owner: options.owner ?? `run-${runId}@pid-${process.pid}`,
    flushSize: options.flushSize ?? DEFAULT_FLUSH_SIZE,
    recordInFlight: options.recordInFlight ?? markInFlight,
    clock,
    stopSignal: options.stopSignal ?? shutdownSignal,
    log: options.onLog ?? (() => {}),
  };
  return { ok: true, run, integration };
}

/** The payload check of a run with "validate before sending" on (refuseRun has refused a schema that does not compile). */
function runContract(integration: Integration): ((payload: unknown) => ContractIssue[]) | null {
  if (!integration.validateBeforeSending || !integration.receiverSchema) return null;
  const compiled = receiverValidator(integration.receiverSchema);
  return compiled.ok ? compiled.check : null;
}
