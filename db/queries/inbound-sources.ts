import { desc, eq, max } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { type InboundSource, inboundLog, inboundSources, type NewInboundSource } from "../schema";

export async function insertInboundSource(db: DbOrTx, source: NewInboundSource): Promise<InboundSource> {
  const [row] = await db.insert(inboundSources).values(source).returning();
  return row!;
}

export function findInboundSource(db: DbOrTx, id: string) {
  return db.query.inboundSources.findFirst({ where: eq(inboundSources.id, id) });
}

/** The source, its row locked for the rest of the transaction (a rotation reads and rewrites the secrets). */
export async function findInboundSourceForUpdate(db: DbOrTx, id: string): Promise<InboundSource | undefined> {
  const [row] = await db.select().from(inboundSources).where(eq(inboundSources.id, id)).for("update");
  return row;
}

export async function updateInboundSource(
  db: DbOrTx,
  id: string,
  changes: Partial<Pick<InboundSource, "name" | "kinds" | "createMissing" | "secrets">>,
): Promise<InboundSource | undefined> {
  const [row] = await db
    .update(inboundSources)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(inboundSources.id, id))
    .returning();
  return row;
}

export async function deleteInboundSource(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .delete(inboundSources)
    .where(eq(inboundSources.id, id))
    .returning({ id: inboundSources.id });
  return rows.length > 0;
}

/** Every source, newest first, with when it last received a request. */
export async function listInboundSources(db: DbOrTx) {
  const [sources, last] = await Promise.all([
    db.select().from(inboundSources).orderBy(desc(inboundSources.createdAt)),
    db
      .select({ sourceId: inboundLog.sourceId, at: max(inboundLog.receivedAt) })
      .from(inboundLog)
      .groupBy(inboundLog.sourceId),
  ]);
  const lastBySource = new Map(last.map((l) => [l.sourceId, l.at]));
  return sources.map((source) => ({ source, lastReceivedAt: lastBySource.get(source.id) ?? null }));
}
