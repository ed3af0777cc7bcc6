import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { integrations, type RunStatus, type RunTrigger, syncRuns } from "../schema";

export async function insertSyncRun(db: DbOrTx, integrationId: string, trigger: RunTrigger) {
  const [row] = await db.insert(syncRuns).values({ integrationId, trigger }).returning();
  return row!;
}

export type RunCounts = { sent: number; succeeded: number; failed: number; retried: number };

export async function addRunCounts(db: DbOrTx, runId: number, c: RunCounts): Promise<void> {
  await db
    .update(syncRuns)
    .set({
      sent: sql`${syncRuns.sent} + ${c.sent}`,
      succeeded: sql`${syncRuns.succeeded} + ${c.succeeded}`,
      failed: sql`${syncRuns.failed} + ${c.failed}`,
      retried: sql`${syncRuns.retried} + ${c.retried}`,
    })
    .where(eq(syncRuns.id, runId));
}

/** The integration's "last run" is when its latest run started. */
export async function setLastRunAt(db: DbOrTx, integrationId: string, at: Date): Promise<void> {
  await db.update(integrations).set({ lastRunAt: at }).where(eq(integrations.id, integrationId));
}

export async function finishSyncRun(
  db: DbOrTx,
  runId: number,
  status: RunStatus,
  error: string | null = null,
  finishedAt = new Date(),
) {
  const [row] = await db
    .update(syncRuns)
    .set({ status, error, finishedAt })
    .where(eq(syncRuns.id, runId))
    .returning();
  return row!;
}

/** One page of an integration's runs, newest first; pass the last id as `beforeId` for the next page. */
export function listSyncRuns(db: DbOrTx, integrationId: string, limit: number, beforeId?: number) {
  return db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.integrationId, integrationId), beforeId ? lt(syncRuns.id, beforeId) : undefined))
    .orderBy(desc(syncRuns.id))
    .limit(limit);
}

export async function findSyncRun(db: DbOrTx, integrationId: string, runId: number) {
  const [row] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.integrationId, integrationId), eq(syncRuns.id, runId)));
  return row;
}

/**
 * The run that Run now asks for, as `queued` until a worker starts it: the one already waiting if there is one (a
 * second click joins it), else a new one. The caller holds the integration's row lock, so two requests never both
 * add one.
 */
export async function queueManualRun(db: DbOrTx, integrationId: string) {
  const [waiting] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.integrationId, integrationId), eq(syncRuns.status, "queued")))
    .orderBy(syncRuns.id)
    .limit(1);
  if (waiting) return waiting;
  const [row] = await db
    .insert(syncRuns)
    .values({ integrationId, trigger: "manual", status: "queued" })
    .returning();
  return row!;
}

/**
 * Starts the integration's queued run (`preferredId` first), if one waits: it becomes `running`, started now. Its
 * trigger stays what asked for it.
 */
export async function takeOverQueuedRun(db: DbOrTx, integrationId: string, preferredId?: number) {
  const rows = await db.execute<{ id: number }>(sql`
    update sync_runs set status = 'running', started_at = now()
    where id = (
      select id from sync_runs where integration_id = ${integrationId}::uuid and status = 'queued'
      order by (id = ${preferredId ?? 0}) desc, id limit 1
      for update skip locked)
    returning id`);
  const id = rows[0]?.id;
  if (id === undefined) return undefined;
  return findSyncRun(db, integrationId, Number(id));
}

/** Ends the integration's queued runs without starting them (it was paused or disabled meanwhile). */
export async function cancelQueuedRuns(db: DbOrTx, integrationId: string, error: string): Promise<void> {
  await db
    .update(syncRuns)
    .set({ status: "stopped", error, finishedAt: sql`now()` })
    .where(and(eq(syncRuns.integrationId, integrationId), eq(syncRuns.status, "queued")));
}
