import { desc, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { demoReceipts, type NewDemoReceipt } from "../schema";

export async function insertDemoReceipt(db: DbOrTx, receipt: NewDemoReceipt): Promise<void> {
  await db.insert(demoReceipts).values(receipt);
}

export async function listDemoReceipts(db: DbOrTx, limit: number) {
  const [rows, [count]] = await Promise.all([
    db.select().from(demoReceipts).orderBy(desc(demoReceipts.id)).limit(limit),
    db.select({ total: sql<number>`count(*)::int` }).from(demoReceipts),
  ]);
  return { receipts: rows, total: count?.total ?? 0 };
}
