import { resendChangedDeliveries } from "@/db/queries/changed-deliveries";
import { analyzeDeliveries, createMissingDeliveries, restartFailedDeliveries } from "@/db/queries/deliveries";
import type { Integration } from "@/db/schema";
import { withDbRetry } from "./db-retry";
import { startsNewCycles } from "./model";
import type { RunContext } from "./run-context";

/** Past this many new deliveries the planner's statistics are refreshed (see analyzeDeliveries). */
const ANALYZE_AFTER = 10_000;

/**
 * Makes the run's work due: a pending delivery for every completion recorded since `sendFrom` that has none; with
 * resend on update, again for every sent completion that changed since (a new revision); and, unless the run only
 * sends retries or new completions, a new retry cycle for every failed one.
 */
export async function queueDeliveries(
  run: RunContext,
  { sendFrom, resendOnUpdate }: Pick<Integration, "sendFrom" | "resendOnUpdate">,
): Promise<void> {
  const { db, integrationId, trigger } = run;
  const now = () => new Date(run.clock.now());
  const created = await withDbRetry(() => createMissingDeliveries(db, integrationId, sendFrom, now()));
  if (created >= ANALYZE_AFTER) await withDbRetry(() => analyzeDeliveries(db));
  const resent = resendOnUpdate
    ? await withDbRetry(() => resendChangedDeliveries(db, integrationId, sendFrom, now()))
    : 0;
  // A failed delivery's new cycle is the schedule's business (and Run now's), not what a retry or a completion asks.
  const restarted = !startsNewCycles(trigger)
    ? 0
    : await withDbRetry(() => restartFailedDeliveries(db, integrationId, now()));
  run.log(
    `run ${run.runId} (${trigger}): ${created} new deliveries, ${resent} changed ones sent again, ${restarted} failed ones get a new cycle`,
  );
}
