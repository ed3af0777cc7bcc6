import { sql } from "drizzle-orm";
import type { DeliveryState } from "../../lib/sync/model";
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

/** Each integration's deliveries per state, summed from the changes the deliveries triggers append. */
export async function countDeliveriesByState(
  db: DbOrTx,
  integrationId?: string,
): Promise<Map<string, Partial<Record<DeliveryState, number>>>> {
  const only = integrationId ? sql`where integration_id = ${integrationId}::uuid` : sql``;
  const rows = await db.execute<{ integration_id: string; state: DeliveryState; n: string | number }>(sql`
    select integration_id, state, sum(count) as n from delivery_counts ${only} group by 1, 2`);
  const out = new Map<string, Partial<Record<DeliveryState, number>>>();
  for (const r of rows) out.set(r.integration_id, { ...out.get(r.integration_id), [r.state]: Number(r.n) });
  return out;
}

/**
 * Folds the appended changes into one row per integration and state (the worker's minute tick), dropping those of
 * deleted integrations. Safe beside writers and another compaction: each deletes only rows it sees and re-inserts
 * their sum; rows committed meanwhile stay as they are.
 */
export async function compactDeliveryCounts(db: DbOrTx): Promise<void> {
  await db.execute(sql`
    with gone as (delete from delivery_counts returning integration_id, state, count)
    insert into delivery_counts (integration_id, state, count)
    select g.integration_id, g.state, sum(g.count) from gone g
    where exists (select 1 from integrations i where i.id = g.integration_id)
    group by 1, 2 having sum(g.count) <> 0`);
}

/** How many of an integration's deliveries are in each state, and when the next retry is due. */
export async function countDeliveries(db: DbOrTx, integrationId: string): Promise<DeliveryCounts> {
  const [counts, next] = await Promise.all([
    countDeliveriesByState(db, integrationId),
    db.execute<{ next_retry_at: string | Date | null }>(sql`
      select min(next_attempt_at) as next_retry_at from deliveries
      where integration_id = ${integrationId}::uuid and state = 'retrying'`),
  ]);
  const c = counts.get(integrationId) ?? {};
  const at = next[0]?.next_retry_at;
  return {
    pending: c.pending ?? 0,
    retrying: c.retrying ?? 0,
    failed: c.failed ?? 0,
    skipped: c.skipped ?? 0,
    succeeded: c.succeeded ?? 0,
    nextRetryAt: at ? new Date(at) : null,
  };
}

/** How many completions were recorded since `since`: what "send again everything since" would deliver. */
export async function countCompletionsSince(db: DbOrTx, since: Date): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from completions where recorded_at >= ${since.toISOString()}::timestamptz`);
  return Number(rows[0]?.n ?? 0);
}
