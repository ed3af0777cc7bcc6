import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { Db } from "@/db/client";
import { takeBackDeliveries } from "@/db/queries/deliveries";
import { SYNC_TASK } from "./jobs";

// graphile-worker frees the jobs of a worker that died without shutting down (SIGKILL, OOM, lost host) only after
// 4 hours, and a sync job holds its integration's named queue: that integration would not sync for 4 hours. So each
// worker process holds a session advisory lock per graphile-worker worker id; a free lock means a dead worker.
const LIVENESS_LOCK = 7_310_443;
/** A worker must look dead this long, over several checks, before its jobs are taken back. */
const DEAD_FOR_MS = 10_000;

/** The lease owner a sync job's run uses, so a crashed job's leases can be given back at once. */
export const jobLeaseOwner = (jobId: string | number) => `job-${jobId}@pid-${process.pid}`;

export type LivenessLocks = { register(workerId: string): void; close(): Promise<void> };

/** Holds this process's liveness locks on a connection of its own, taking them again after a reconnect. */
export function holdLivenessLocks(url: string, onError: (error: unknown) => void): LivenessLocks {
  const conn = postgres(url, {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null, // session locks must outlive the pool's connection recycling
    onnotice: () => {},
    connection: { application_name: "lms-sync-liveness" },
  });
  const ids = new Set<string>();
  const held = new Set<string>();
  let session = -1;
  let chain = Promise.resolve();
  const ensure = () => {
    chain = chain
      .then(async () => {
        const [now] = await conn<{ pid: number }[]>`select pg_backend_pid() as pid`;
        if (now?.pid !== session) {
          held.clear();
          session = now?.pid ?? -1;
        }
        const missing = [...ids].filter((id) => !held.has(id));
        if (missing.length === 0) return;
        const rows = await conn<{ pid: number; id: string; ok: boolean }[]>`
          select pg_backend_pid() as pid, w as id, pg_try_advisory_lock(${LIVENESS_LOCK}, hashtext(w)) as ok
          from unnest(${conn.array(missing)}::text[]) as w`;
        for (const r of rows) if (r.ok && r.pid === session) held.add(r.id);
      })
      .catch(onError);
    return chain;
  };
  const timer = setInterval(ensure, 2_000);
  timer.unref();
  return {
    register: (workerId) => {
      ids.add(workerId);
      void ensure();
    },
    close: async () => {
      clearInterval(timer);
      await chain;
      await conn.end({ timeout: 5 });
    },
  };
}

const suspects = new Map<string, number>();

/** What a run taken back from a dead worker records as its error. */
export const CRASHED_RUN_ERROR =
  "The worker running this sync stopped unexpectedly; the run starts again on a live worker and continues where it stopped.";

/**
 * Takes back what dead workers hold: their runs end as failed, the attempts they had started but not recorded are
 * logged as interrupted, their deliveries' leases are released and their jobs and queues unlocked, so the job runs
 * again at once on a live worker. A crash does not use up one of the sync job's attempts: however often workers
 * die, its run is never abandoned. Returns the dead workers' ids.
 */
export async function recoverCrashedWorkers(db: Db, now = Date.now()): Promise<string[]> {
  return db.transaction(async (tx) => {
    // Only workers that hold a job or a queue are tried; a lock we can take belongs to no live process.
    const free = await tx.execute<{ worker: string }>(sql`
      with holders as materialized (
        select locked_by as worker from graphile_worker._private_jobs where locked_by is not null
        union
        select locked_by from graphile_worker._private_job_queues where locked_by is not null
      )
      select worker from holders where pg_try_advisory_xact_lock(${LIVENESS_LOCK}, hashtext(worker))`);
    const freeIds = new Set(free.map((r) => r.worker));
    for (const id of suspects.keys()) if (!freeIds.has(id)) suspects.delete(id);
    for (const id of freeIds) if (!suspects.has(id)) suspects.set(id, now);
    const dead = [...freeIds].filter((id) => now - suspects.get(id)! >= DEAD_FOR_MS);
    if (dead.length === 0) return [];

    const ids = sql`array[${sql.join(
      dead.map((d) => sql`${d}`),
      sql`, `,
    )}]::text[]`;
    const deadJobs = await tx.execute<{ id: string; integration_id: string | null }>(sql`
      with dead_jobs as (
        select j.id, j.locked_at,
          case when j.payload->>'integrationId' ~ '^[0-9a-fA-F-]{36}$' then (j.payload->>'integrationId')::uuid end
            as integration_id
        from graphile_worker._private_jobs j
        join graphile_worker._private_tasks t on t.id = j.task_id
        where j.locked_by = any(${ids}) and t.identifier = ${SYNC_TASK}
      ), given_back as (
        -- Fetching the job counted an attempt; the crash was not the job's failure, so it gets it back.
        update graphile_worker._private_jobs j set attempts = greatest(j.attempts - 1, 0)
        from dead_jobs d where j.id = d.id
      ), runs as (
        update sync_runs r set status = 'failed', finished_at = now(), error = ${CRASHED_RUN_ERROR}
        from dead_jobs j
        where r.status = 'running' and r.integration_id = j.integration_id and r.started_at >= j.locked_at
      )
      select id, integration_id from dead_jobs`);
    for (const job of deadJobs) {
      if (job.integration_id) await takeBackDeliveries(tx, job.integration_id, jobLeaseOwner(job.id));
    }
    // Attempts of an integration deleted while its worker lay dead have no delivery left to take back.
    await tx.execute(sql`
      delete from attempts_in_flight f where not exists (select 1 from deliveries d where d.id = f.delivery_id)`);
    await tx.execute(sql`select graphile_worker.force_unlock_workers(${ids})`);
    for (const id of dead) suspects.delete(id);
    return dead;
  });
}
