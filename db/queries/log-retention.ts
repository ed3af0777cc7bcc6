import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

/**
 * Deletes the rows of a log table from before `before`, one owner (integration, inbound source) and `batchSize` rows
 * at a time, each batch its own statement, so a large first clean-up neither holds long locks nor one huge
 * transaction. Returns how many went.
 */
export async function deleteLogRowsBefore(
  db: DbOrTx,
  t: { log: SQL; owners: SQL; owner: SQL; at: SQL; before: Date; batchSize: number },
): Promise<number> {
  const cutoff = t.before.toISOString();
  const owners = await db.execute<{ id: string }>(sql`select id from ${t.owners}`);
  let deleted = 0;
  for (const { id } of owners) {
    for (;;) {
      const rows = await db.execute<{ n: number }>(sql`
        with gone as (
          delete from ${t.log} where id in (
            select id from ${t.log} where ${t.owner} = ${id}::uuid and ${t.at} < ${cutoff}::timestamptz
            limit ${t.batchSize})
          returning 1
        ) select count(*)::int as n from gone`);
      const n = Number(rows[0]?.n ?? 0);
      deleted += n;
      if (n < t.batchSize) break;
    }
  }
  return deleted;
}
