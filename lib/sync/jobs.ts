import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { RetryTrigger, RunTrigger } from "./model";

export const SYNC_TASK = "integration-sync";

export const INTEGRATION_QUEUE_PREFIX = "integration:";
/** The graphile-worker queue of one integration: its jobs run one at a time, other integrations in parallel. */
export const integrationQueue = (integrationId: string) => `${INTEGRATION_QUEUE_PREFIX}${integrationId}`;
export const syncJobKey = (integrationId: string) => `sync:${integrationId}`;

/**
 * Enqueues a sync run through SQL, inside the caller's transaction, so the job exists exactly when the change
 * that asked for it commits. The job key collapses repeated requests into one waiting job.
 */
export async function enqueueSync(
  db: DbOrTx,
  integrationId: string,
  trigger: RunTrigger,
  runAt?: Date,
  runId?: number,
): Promise<void> {
  await db.execute(sql`select graphile_worker.add_job(
    ${SYNC_TASK},
    json_strip_nulls(json_build_object('integrationId', ${integrationId}::text, 'trigger', ${trigger}::text,
      'runId', ${runId ?? null}::bigint)),
    queue_name => ${integrationQueue(integrationId)},
    run_at => ${(runAt ?? new Date()).toISOString()}::timestamptz,
    max_attempts => 3,
    job_key => ${syncJobKey(integrationId)},
    job_key_mode => 'replace'
  )`);
}

export const retryJobKey = (integrationId: string) => `sync-retry:${integrationId}`;

/**
 * The key of the debounced run that sync on completion asks for. The database enqueues it (the completion triggers
 * of migration 0010, which spell out this key, the task and the queue), so every writer of completions counts.
 */
export const completionJobKey = (integrationId: string) => `sync-completion:${integrationId}`;

/**
 * Enqueues the run that sends retries when they fall due. Its own job key, so it never postpones a scheduled or
 * manual run (which resets failed deliveries); the shared queue still keeps the two from overlapping.
 */
export async function enqueueRetrySync(
  db: DbOrTx,
  integrationId: string,
  runAt: Date,
  trigger: RetryTrigger = "retry",
): Promise<void> {
  await db.execute(sql`select graphile_worker.add_job(
    ${SYNC_TASK},
    json_build_object('integrationId', ${integrationId}::text, 'trigger', ${trigger}::text),
    queue_name => ${integrationQueue(integrationId)},
    run_at => ${runAt.toISOString()}::timestamptz,
    max_attempts => 3,
    job_key => ${retryJobKey(integrationId)},
    job_key_mode => 'replace'
  )`);
}
