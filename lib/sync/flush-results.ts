import type { Db } from "@/db/client";
import { applyDeliveryUpdates, clearInFlight } from "@/db/queries/deliveries";
import { findIntegrationForUpdate } from "@/db/queries/integrations";
import { insertSyncLogRows } from "@/db/queries/sync-log";
import { addRunCounts, type RunCounts } from "@/db/queries/sync-runs";
import type { AttemptResult } from "./attempt-result";
import { type HealthChange, updateIntegrationHealth } from "./integration-health";

export type FlushOutcome = HealthChange & {
  /** What this batch added to the run's counts. */
  counts: RunCounts;
};

/**
 * Writes a batch of attempts in one transaction: their log rows (they are no longer in flight), their delivery
 * states, the run's counts and the integration's consecutive-failure counter, disabling the integration (and
 * notifying) when it reaches the threshold.
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
    const sentIds = results.filter((r) => r.wasSent).map((r) => r.delivery.id);
    const counts: RunCounts = {
      sent: sentIds.length,
      succeeded: results.filter((r) => r.outcome.ok).length,
      failed: results.filter((r) => r.update.state === "failed").length,
      retried: results.filter((r) => r.update.state === "retrying").length,
    };
    if (!integration) {
      // Deleted meanwhile, its deliveries with it: nothing to record, and nothing left in flight.
      await clearInFlight(tx, sentIds);
      return { stop: "not_active", consecutiveFailures: 0, counts };
    }
    // Sent together: postgres.js pipelines them on the transaction's connection, one round trip for all.
    await Promise.all([
      insertSyncLogRows(
        tx,
        results.map((r) => r.logRow),
      ),
      applyDeliveryUpdates(
        tx,
        results.map((r) => r.update),
      ),
      addRunCounts(tx, runId, counts),
      clearInFlight(tx, sentIds),
    ]);
    return { ...(await updateIntegrationHealth(tx, integration, results)), counts };
  });
}
