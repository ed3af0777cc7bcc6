import { and, desc, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { completions, syncLog } from "../schema";

/** The newest completion's id (by id: the primary key answers at once), or null for an LMS without any. */
export async function latestCompletionId(db: DbOrTx): Promise<number | null> {
  const [row] = await db
    .select({ id: completions.id })
    .from(completions)
    .orderBy(desc(completions.id))
    .limit(1);
  return row ? Number(row.id) : null;
}

/** The integration's most recent failed attempts, newest first (the log's own index serves it). */
export function recentFailures(db: DbOrTx, integrationId: string, limit: number) {
  return db
    .select({
      createdAt: syncLog.createdAt,
      status: syncLog.status,
      errorCode: syncLog.errorCode,
      errorMessage: syncLog.errorMessage,
      diagnosis: syncLog.diagnosis,
      diagnosisCause: syncLog.diagnosisCause,
    })
    .from(syncLog)
    .where(and(eq(syncLog.integrationId, integrationId), ne(syncLog.outcome, "success")))
    .orderBy(desc(syncLog.createdAt), desc(syncLog.id))
    .limit(limit);
}
