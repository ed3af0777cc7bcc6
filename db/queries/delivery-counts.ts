import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

export type DeliveryCounts = {
  pending: number;
  retrying: number;
  failed: number;
  skipped: number;
  succeeded: number;
  /** When the next retry of a retrying delivery falls due; null when none is retrying. */
  nextRetryAt: Date | null;
};

/** How many of an integration's deliveries are in each state, and when the next retry is due. */
export async function countDeliveries(db: DbOrTx, integrationId: string): Promise<DeliveryCounts> {
  const rows = await db.execute<Record<string, string | number | Date | null>>(sql`
    select count(*) filter (where state = 'pending')::int as pending,
           count(*) filter (where state = 'retrying')::int as retrying,
           count(*) filter (where state = 'failed')::int as failed,
           count(*) filter (where state = 'skipped')::int as skipped,
           count(*) filter (where state = 'succeeded')::int as succeeded,
           min(next_attempt_at) filter (where state = 'retrying') as next_retry_at
    from deliveries where integration_id = ${integrationId}::uuid`);
  const r = rows[0] ?? {};
  const next = r.next_retry_at;
  return {
    pending: Number(r.pending ?? 0),
    retrying: Number(r.retrying ?? 0),
    failed: Number(r.failed ?? 0),
    skipped: Number(r.skipped ?? 0),
    succeeded: Number(r.succeeded ?? 0),
    nextRetryAt: next ? new Date(next as string | Date) : null,
  };
}

/** How many completions were recorded since `since`: what "send again everything since" would deliver. */
export async function countCompletionsSince(db: DbOrTx, since: Date): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from completions where recorded_at >= ${since.toISOString()}::timestamptz`);
  return Number(rows[0]?.n ?? 0);
}
