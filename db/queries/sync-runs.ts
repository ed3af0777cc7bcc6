import { desc, eq, sql } from "drizzle-orm";
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

export function listSyncRuns(db: DbOrTx, integrationId: string, limit: number) {
  return db
    .select()
    .from(syncRuns)
    .where(eq(syncRuns.integrationId, integrationId))
    .orderBy(desc(syncRuns.id))
    .limit(limit);
}
