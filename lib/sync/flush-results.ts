import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { applyDeliveryUpdates } from "@/db/queries/deliveries";
import { findIntegrationForUpdate } from "@/db/queries/integrations";
import { insertSyncLogRows } from "@/db/queries/sync-log";
import { addRunCounts, type RunCounts } from "@/db/queries/sync-runs";
import { integrations } from "@/db/schema";
import { notify } from "@/lib/notify/notify";
import { type AttemptResult, isFailure } from "./attempt-result";
import { describeFailure } from "./describe-failure";
import type { StopReason } from "./model";

export type FlushOutcome = {
  stop: Exclude<StopReason, "shutdown"> | null;
  consecutiveFailures: number;
  /** What this batch added to the run's counts. */
  counts: RunCounts;
};

/**
 * Writes a batch of attempts in one transaction: their log rows, their delivery states, the run's counts and the
 * integration's consecutive-failure counter, disabling the integration (and notifying) when it reaches the threshold.
 */
export async function flushResults(
  db: Db,
  runId: number,
  integrationId: string,
  results: AttemptResult[],
): Promise<FlushOutcome> {
  return db.transaction(async (tx) => {
    // The integration's row first: the log rows' foreign keys share-lock it, so two runs that locked it for update
    // after inserting would deadlock. Locked first, flushes of one integration simply take turns.
    const integration = await findIntegrationForUpdate(tx, integrationId);
    const counts: RunCounts = {
      sent: results.filter((r) => r.wasSent).length,
      succeeded: results.filter((r) => r.outcome.ok).length,
      failed: results.filter((r) => r.update.state === "failed").length,
      retried: results.filter((r) => r.update.state === "retrying").length,
    };
    if (!integration) return { stop: "not_active", consecutiveFailures: 0, counts };
    // Sent together: postgres.js pipelines them on the transaction's connection, one round trip instead of three.
    const logRows = insertSyncLogRows(
      tx,
      results.map((r) => r.logRow),
    );
    const deliveryUpdates = applyDeliveryUpdates(
      tx,
      results.map((r) => r.update),
    );
    const runCounts = addRunCounts(tx, runId, counts);
    await Promise.all([logRows, deliveryUpdates, runCounts]);

    const sent = results.filter((r) => r.wasSent);
    const lastSuccess = sent.findLastIndex((r) => r.outcome.ok);
    const failuresAfter = sent.slice(lastSuccess + 1).length;
    const before = integration.consecutiveFailures;
    const after = lastSuccess >= 0 ? failuresAfter : before + failuresAfter;
    const lastFailure = sent.findLast(isFailure);
    const gone = sent.find((r) => r.outcome.status === 410);
    const link = `/integrations/${integrationId}/log`;

    let status = integration.status;
    let disabledReason = integration.disabledReason;
    if (status === "active" && gone) {
      status = "paused";
      disabledReason = `The receiver answered 410 Gone at ${gone.outcome.url}: it says this endpoint no longer exists.`;
      await notify(tx, {
        integrationId,
        kind: "integration.gone",
        severity: "error",
        title: `${integration.name} paused: the receiver says the endpoint is gone (410)`,
        body: `${disabledReason}\nSyncing is paused; nothing pending was dropped. Check the endpoint URL with the receiving system's owners, then enable the integration again.`,
        link,
      });
    } else if (status === "active" && after >= integration.failureThreshold && lastFailure) {
      status = "auto_disabled";
      disabledReason = describeFailure(lastFailure.outcome);
      await notify(tx, {
        integrationId,
        kind: "integration.auto_disabled",
        severity: "error",
        title: `${integration.name} was disabled after ${after} failed attempts in a row`,
        body: `Last error: ${disabledReason}\n${lastFailure.outcome.diagnosis ? `${lastFailure.outcome.diagnosis.cause} ${lastFailure.outcome.diagnosis.fix}\n` : ""}Nothing pending was dropped: enable the integration again to continue where it stopped.`,
        link,
      });
    } else if (
      status === "active" &&
      lastFailure &&
      before < Math.ceil(integration.failureThreshold / 2) &&
      after >= Math.ceil(integration.failureThreshold / 2)
    ) {
      await notify(tx, {
        integrationId,
        kind: "integration.failing",
        severity: "warning",
        title: `${integration.name} is failing: ${after} in a row`,
        body: `Last error: ${describeFailure(lastFailure.outcome)}\nAt ${integration.failureThreshold} failures in a row the integration is disabled automatically.`,
        link,
      });
    }
    await tx
      .update(integrations)
      .set({
        consecutiveFailures: after,
        status,
        disabledReason,
        ...(status !== integration.status ? { disabledAt: new Date() } : {}),
        ...(lastSuccess >= 0 ? { lastSuccessAt: sent[lastSuccess]!.update.lastAttemptAt } : {}),
      })
      .where(eq(integrations.id, integrationId));
    const stop =
      status === "auto_disabled"
        ? "auto_disabled"
        : status === "paused" && gone
          ? "gone"
          : status !== "active"
            ? "not_active"
            : null;
    return { stop, consecutiveFailures: after, counts };
  });
}
