import { preparedDb } from "@/db/client";
import { loadCompletionRecords } from "@/db/queries/completion-records";
import { claimDueDeliveries } from "@/db/queries/deliveries";
import { withDbRetry } from "./db-retry";
import type { RunContext } from "./run-context";
import type { RunState } from "./run-state";

/**
 * Leases the next batch of due deliveries and loads their completions onto the run's queue. Claims continue after
 * the previous one; once one comes back short, the next starts from the top again, and the run has claimed
 * everything due when a claim from the top finds nothing.
 */
export async function claimBatch(run: RunContext, state: RunState): Promise<void> {
  const after = state.cursor;
  const db = preparedDb(run.db.$client); // fixed statement texts: one round trip each
  const claimed = await withDbRetry(() =>
    claimDueDeliveries(db, run.integrationId, {
      limit: run.batchSize,
      leaseMs: run.leaseMs,
      owner: run.owner,
      after,
      now: new Date(run.clock.now()),
    }),
  );
  const last = claimed.at(-1);
  state.cursor =
    claimed.length < run.batchSize || !last ? null : { nextAttemptAt: last.nextAttemptAt, id: last.id };
  if (claimed.length === 0) {
    state.isExhausted = after === null;
    return;
  }
  const loaded = await withDbRetry(() =>
    loadCompletionRecords(
      db,
      claimed.map((c) => c.completionId),
    ),
  );
  for (const [id, record] of loaded) state.records.set(id, record);
  state.queue.push(...claimed);
}

/** Claims beside the attempts, so the pipeline never drains while the database answers; an error ends claiming. */
export function startClaim(run: RunContext, state: RunState): void {
  state.claiming = claimBatch(run, state)
    .catch((error: unknown) => {
      state.claimError = error;
      state.isExhausted = true;
    })
    .finally(() => {
      state.claiming = null;
      state.wakeUp.wake();
    });
}
