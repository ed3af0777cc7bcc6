import { type Db, preparedDb } from "@/db/client";
import { applyDeliveryUpdates, clearInFlight } from "@/db/queries/deliveries";
import { findIntegrationForUpdate } from "@/db/queries/integrations";
import { insertSyncLogRows } from "@/db/queries/sync-log";
import { addRunCounts, type RunCounts } from "@/db/queries/sync-runs";
import type { AttemptResult } from "./attempt-result";
import {
  applyIntegrationHealth,
  type HealthChange,
  planIntegrationHealth,
  recordHealthEvents,
} from "./integration-health";

export type FlushOutcome = HealthChange & {
  /** What this batch added to the run's counts. */
  counts: RunCounts;
};

/**
 * Writes a batch of attempts in one transaction: their log rows (they are no longer in flight), their delivery
 * states, the run's counts and the integration's consecutive-failure counter, disabling the integration (and
 * notifying) when it reaches the threshold.
 *
 * Four round trips, with prepared statements: BEGIN, the integration's lock, every write at once, COMMIT. A flush is
 * written every 50 ms while a run sends, on a connection other than the one that records attempts in flight, so
 * its round trips are not ones the attempts wait behind.
 */
export async function flushResults(
  db: Db,
  runId: number,
  integrationId: string,
  results: AttemptResult[],
): Promise<FlushOutcome> {
  const sentIds = results.filter((r) => r.wasSent).map((r) => r.delivery.id);
  const counts: RunCounts = {
    sent: sentIds.length,
    succeeded: results.filter((r) => r.outcome.ok).length,
    failed: results.filter((r) => r.update.state === "failed").length,
    retried: results.filter((r) => r.update.state === "retrying").length,
  };
  // postgres.js's own transaction: it ends when the connection closes (a PostgreSQL restart), where a statement on a
  // reserved connection that closed can wait forever; its connection goes back to the pool, reconnected.
  return db.$client.begin(async (connection) => {
    const tx = preparedDb(db.$client, connection);
    // The integration's row first: the log rows' foreign keys share-lock it, so two runs that locked it for update
    // after inserting would deadlock. Locked first, flushes of one integration simply take turns.
    const integration = await findIntegrationForUpdate(tx, integrationId);
    if (!integration) {
      // Deleted meanwhile, its deliveries with it: nothing to record, and nothing left in flight.
      await clearInFlight(tx, sentIds);
      return { stop: "not_active" as const, consecutiveFailures: 0, counts };
    }
    const health = planIntegrationHealth(integration, results);
    await recordHealthEvents(tx, integrationId, health);
    // Sent together; a write that fails aborts the transaction, and postgres.js rolls it back.
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
      applyIntegrationHealth(tx, integrationId, health),
    ]);
    return { stop: health.stop, consecutiveFailures: health.consecutiveFailures, counts };
  });
}
