import { and, count, gte, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { syncLog } from "../schema";

export type LogDayCount = {
  integrationId: string;
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  outcome: "success" | "failure";
  count: number;
};

/** Log rows per integration, UTC day and outcome since `since` (the list page's 30-day chart). */
export async function countLogOutcomesByDay(
  db: DbOrTx,
  since: Date,
  integrationIds?: readonly string[],
): Promise<LogDayCount[]> {
  if (integrationIds?.length === 0) return [];
  const day = sql<string>`to_char(${syncLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      integrationId: syncLog.integrationId,
      day,
      outcome: syncLog.outcome,
      count: count(),
    })
    .from(syncLog)
    .where(
      and(
        gte(syncLog.createdAt, since),
        integrationIds ? inArray(syncLog.integrationId, [...integrationIds]) : undefined,
      ),
    )
    .groupBy(syncLog.integrationId, day, syncLog.outcome);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
