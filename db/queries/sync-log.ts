import type { DbOrTx } from "../client";
import { type NewSyncLogEntry, syncLog } from "../schema";

/** Many log rows in one insert (the sync writes its log in batches). */
export async function insertSyncLogRows(db: DbOrTx, rows: NewSyncLogEntry[]): Promise<void> {
  if (rows.length > 0) await db.insert(syncLog).values(rows);
}
