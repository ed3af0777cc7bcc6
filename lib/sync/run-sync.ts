import type { Db } from "@/db/client";
import { closeRun } from "./close-run";
import type { RunTrigger } from "./model";
import { openRun } from "./open-run";
import { queueDeliveries } from "./queue-deliveries";
import type { RunSummary, RunSyncOptions } from "./run-context";
import { newRunState } from "./run-state";
import { sendDueDeliveries } from "./send-due";

export type { RunSummary, RunSyncOptions } from "./run-context";

/**
 * One sync run of one integration: open it, create missing deliveries, then claim → build → send → record every
 * due one, and close it. The run's state is one object (RunState) that each step reads and updates.
 */
export async function runSync(
  db: Db,
  integrationId: string,
  trigger: RunTrigger,
  options: RunSyncOptions = {},
): Promise<RunSummary> {
  const opened = await openRun(db, integrationId, trigger, options);
  if (!opened.ok) return opened.summary;
  const { run, integration } = opened;
  await queueDeliveries(run, integration);
  const state = newRunState(integration.consecutiveFailures);
  await sendDueDeliveries(run, state);
  return closeRun(run, state);
}
