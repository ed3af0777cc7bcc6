import { analyzeDeliveries, createMissingDeliveries, restartFailedDeliveries } from "@/db/queries/deliveries";
import { withDbRetry } from "./db-retry";
import type { RunContext } from "./run-context";

/** Past this many new deliveries the planner's statistics are refreshed (see analyzeDeliveries). */
const ANALYZE_AFTER = 10_000;

/**
 * Makes the run's work due: a pending delivery for every completion recorded since `sendFrom` that has none, and,
 * unless the run only sends retries, a new retry cycle for every failed one.
 */
export async function queueDeliveries(run: RunContext, sendFrom: Date): Promise<void> {
  const { db, integrationId, trigger } = run;
  const now = () => new Date(run.clock.now());
  const created = await withDbRetry(() => createMissingDeliveries(db, integrationId, sendFrom, now()));
  if (created >= ANALYZE_AFTER) await withDbRetry(() => analyzeDeliveries(db));
  const restarted =
    trigger === "retry" ? 0 : await withDbRetry(() => restartFailedDeliveries(db, integrationId, now()));
  run.log(
    `run ${run.runId} (${trigger}): ${created} new deliveries, ${restarted} failed ones get a new cycle`,
  );
}
