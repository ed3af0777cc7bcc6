import { sql } from "drizzle-orm";
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
  sendHealthNotifications,
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
 * Two round trips, on a connection of its own with prepared statements: BEGIN with the integration's lock, then
 * every write with COMMIT (a write that fails aborts the transaction, and PostgreSQL answers that COMMIT with a
 * rollback). A flush is written every 50 ms while a run sends, so each round trip saved is one the run's attempts
 * do not wait behind.
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
  const connection = await db.$client.reserve();
  const tx = preparedDb(db.$client, connection);
  try {
    // The integration's row first: the log rows' foreign keys share-lock it, so two runs that locked it for update
    // after inserting would deadlock. Locked first, flushes of one integration simply take turns.
    const [, integration] = await Promise.all([
      tx.execute(sql`begin`),
      findIntegrationForUpdate(tx, integrationId),
    ]);
    if (!integration) {
      // Deleted meanwhile, its deliveries with it: nothing to record, and nothing left in flight.
      await Promise.all([clearInFlight(tx, sentIds), tx.execute(sql`commit`)]);
      return { stop: "not_active", consecutiveFailures: 0, counts };
    }
    const health = planIntegrationHealth(integration, results);
    await sendHealthNotifications(tx, health);
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
      tx.execute(sql`commit`),
    ]);
    return { stop: health.stop, consecutiveFailures: health.consecutiveFailures, counts };
  } catch (error) {
    await tx.execute(sql`rollback`).catch(() => {});
    throw error;
  } finally {
    connection.release();
  }
}
