import { and, desc, eq, gte, lt, lte, type SQL, sql } from "drizzle-orm";
import { type InboundOutcome, type InboundVerification, PROCESSED_OUTCOMES } from "../../lib/inbound/model";
import type { DbOrTx } from "../client";
import { inboundLog, type NewInboundLogRow } from "../schema";
import { deleteLogRowsBefore } from "./log-retention";

export type InboundLogFilter = {
  outcome?: InboundOutcome;
  verifiedBy?: InboundVerification;
  from?: Date;
  to?: Date;
};

/** Rows whose webhook-id was processed: the partial unique index `inbound_log_message_uq` covers exactly these. */
const isProcessed = sql`${inboundLog.messageId} is not null and ${inboundLog.outcome} in (${sql.raw(
  PROCESSED_OUTCOMES.map((o) => `'${o}'`).join(", "),
)})`;

export async function insertInboundLog(db: DbOrTx, row: NewInboundLogRow): Promise<number> {
  const [inserted] = await db.insert(inboundLog).values(row).returning({ id: inboundLog.id });
  return inserted!.id;
}

/**
 * Claims a `webhook-id` for a processed request: the log row is written, or nothing when the source already
 * processed that id (null: a replay). Inside the request's transaction, a concurrent twin waits for this one and
 * then finds the id taken.
 */
export async function claimInboundMessage(db: DbOrTx, row: NewInboundLogRow): Promise<number | null> {
  const [inserted] = await db
    .insert(inboundLog)
    .values(row)
    .onConflictDoNothing({
      target: [inboundLog.sourceId, inboundLog.messageId],
      where: isProcessed,
    })
    .returning({ id: inboundLog.id });
  return inserted?.id ?? null;
}

/** The log row of the request that processed a `webhook-id`, or undefined. */
export async function findProcessedMessage(db: DbOrTx, sourceId: string, messageId: string) {
  const [row] = await db
    .select({ id: inboundLog.id })
    .from(inboundLog)
    .where(and(eq(inboundLog.sourceId, sourceId), eq(inboundLog.messageId, messageId), isProcessed))
    .limit(1);
  return row;
}

export async function updateInboundLog(
  db: DbOrTx,
  id: number,
  changes: Partial<NewInboundLogRow>,
): Promise<void> {
  await db.update(inboundLog).set(changes).where(eq(inboundLog.id, id));
}

function where(sourceId: string, f: InboundLogFilter, beforeId?: number): SQL | undefined {
  return and(
    eq(inboundLog.sourceId, sourceId),
    f.outcome ? eq(inboundLog.outcome, f.outcome) : undefined,
    f.verifiedBy ? eq(inboundLog.verifiedBy, f.verifiedBy) : undefined,
    f.from ? gte(inboundLog.receivedAt, f.from) : undefined,
    f.to ? lte(inboundLog.receivedAt, f.to) : undefined,
    beforeId ? lt(inboundLog.id, beforeId) : undefined,
  );
}

const summaryColumns = {
  id: inboundLog.id,
  receivedAt: inboundLog.receivedAt,
  outcome: inboundLog.outcome,
  status: inboundLog.status,
  verifiedBy: inboundLog.verifiedBy,
  verifiedAs: inboundLog.verifiedAs,
  reason: inboundLog.reason,
  messageId: inboundLog.messageId,
  kind: inboundLog.kind,
  itemsOk: inboundLog.itemsOk,
  itemsFailed: inboundLog.itemsFailed,
  bodyBytes: inboundLog.bodyBytes,
};

const detailColumns = {
  ...summaryColumns,
  itemErrors: inboundLog.itemErrors,
  body: inboundLog.body,
  bodyTruncated: inboundLog.bodyTruncated,
};

/** One page of a source's log, newest first; pass the last id as `beforeId` for the next page. */
export function listInboundLog(
  db: DbOrTx,
  sourceId: string,
  f: InboundLogFilter,
  limit: number,
  beforeId?: number,
) {
  return db
    .select(summaryColumns)
    .from(inboundLog)
    .where(where(sourceId, f, beforeId))
    .orderBy(desc(inboundLog.id))
    .limit(limit);
}

/** One request with its per-item errors and body. */
export async function findInboundLogEntry(db: DbOrTx, sourceId: string, id: number) {
  const [row] = await db
    .select(detailColumns)
    .from(inboundLog)
    .where(and(eq(inboundLog.sourceId, sourceId), eq(inboundLog.id, id)));
  return row;
}
export type InboundLogDetail = NonNullable<Awaited<ReturnType<typeof findInboundLogEntry>>>;

/** Every matching entry in pages of `batch`, newest first, for streamed downloads with bounded memory. */
export async function* iterateInboundLog(db: DbOrTx, sourceId: string, f: InboundLogFilter, batch = 200) {
  let beforeId: number | undefined;
  for (;;) {
    const page = await db
      .select(detailColumns)
      .from(inboundLog)
      .where(where(sourceId, f, beforeId))
      .orderBy(desc(inboundLog.id))
      .limit(batch);
    if (page.length === 0) return;
    yield* page;
    beforeId = page.at(-1)!.id;
    if (page.length < batch) return;
  }
}

/**
 * Deletes inbound log rows received before `before` (the nightly retention). A webhook-id deleted with its row is no
 * longer answered as a replay; a signed request that old is refused by its timestamp anyway.
 */
export function deleteInboundLogBefore(db: DbOrTx, before: Date, batchSize = 10_000): Promise<number> {
  return deleteLogRowsBefore(db, {
    log: sql`inbound_log`,
    owners: sql`inbound_sources`,
    owner: sql`source_id`,
    at: sql`received_at`,
    before,
    batchSize,
  });
}
