import { and, eq, isNull, sql } from "drizzle-orm";
import { INTEGRATION_QUEUE_PREFIX } from "../../lib/sync/jobs";
import type { DbOrTx } from "../client";
import { integrations } from "../schema";

export function listActiveSchedules(db: DbOrTx) {
  return db
    .select({
      id: integrations.id,
      name: integrations.name,
      scheduleCron: integrations.scheduleCron,
      scheduleTimeZone: integrations.scheduleTimeZone,
      lastScheduledAt: integrations.lastScheduledAt,
      createdAt: integrations.createdAt,
    })
    .from(integrations)
    .where(eq(integrations.status, "active"));
}

/** Marks a schedule fire as handled; false when another worker's tick got there first. */
export async function claimScheduleFire(
  db: DbOrTx,
  id: string,
  seen: Date | null,
  fireAt: Date,
): Promise<boolean> {
  const rows = await db
    .update(integrations)
    .set({ lastScheduledAt: fireAt })
    .where(
      and(
        eq(integrations.id, id),
        seen ? eq(integrations.lastScheduledAt, seen) : isNull(integrations.lastScheduledAt),
      ),
    )
    .returning({ id: integrations.id });
  return rows.length === 1;
}

/**
 * Active integrations with deliveries due at `now` and no sync job to send them: none running (locked) or due to
 * run on their queue. (A job waiting for a later time, a retry's or a failed job's, does not send what is due now.)
 * With each, the error of its last run when that run failed within `quietMs` (a refused run's reason, perhaps).
 */
export async function listIntegrationsWithoutRun(db: DbOrTx, now: Date, quietMs: number) {
  const at = now.toISOString();
  return db.execute<{ id: string; name: string; recentRunError: string | null }>(sql`
    select i.id, i.name, last_run.error as "recentRunError"
    from integrations i
    left join lateral (
      select case when r.status = 'failed' and r.started_at > ${at}::timestamptz - make_interval(secs => ${quietMs / 1000})
        then r.error end as error
      from sync_runs r where r.integration_id = i.id order by r.started_at desc, r.id desc limit 1
    ) last_run on true
    where i.status = 'active'
      and exists (
        select 1 from deliveries d
        where d.integration_id = i.id and d.state in ('pending', 'retrying') and d.next_attempt_at <= ${at}::timestamptz
          and (d.leased_until is null or d.leased_until < ${at}::timestamptz))
      and not exists (
        select 1 from graphile_worker._private_jobs j
        join graphile_worker._private_job_queues q on q.id = j.job_queue_id
        where q.queue_name = ${INTEGRATION_QUEUE_PREFIX} || i.id::text
          and (j.locked_by is not null or (j.run_at <= ${at}::timestamptz and j.attempts < j.max_attempts)))`);
}
