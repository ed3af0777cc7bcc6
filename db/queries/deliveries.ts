import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { type DeliveryState, deliveries } from "../schema";

/** One set-based insert: a pending delivery for every completion recorded since `since` that has none yet. */
export async function createMissingDeliveries(
  db: DbOrTx,
  integrationId: string,
  since: Date,
): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`
    with created as (
      insert into deliveries (integration_id, completion_id)
      select ${integrationId}::uuid, c.id from completions c
      where c.recorded_at >= ${since.toISOString()}::timestamptz
      on conflict (integration_id, completion_id) do nothing
      returning 1
    ) select count(*)::int as n from created`);
  return rows[0]?.n ?? 0;
}

/** A scheduled run gives failed deliveries a new retry cycle. */
export async function restartFailedDeliveries(db: DbOrTx, integrationId: string): Promise<number> {
  const rows = await db
    .update(deliveries)
    .set({ state: "pending", cycleAttempts: 0, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(deliveries.integrationId, integrationId), eq(deliveries.state, "failed")))
    .returning({ id: deliveries.id });
  return rows.length;
}

export type ClaimedDelivery = {
  id: number;
  completionId: number;
  attempts: number;
  cycleAttempts: number;
  idempotencyKey: string;
};

/**
 * Leases up to `limit` due deliveries of one integration. SKIP LOCKED and the lease make two workers never take
 * the same delivery; a worker that dies leaves its leases to run out, and the deliveries are due again.
 */
export async function claimDueDeliveries(
  db: DbOrTx,
  integrationId: string,
  limit: number,
  leaseMs: number,
  owner: string,
): Promise<ClaimedDelivery[]> {
  const rows = await db.execute<ClaimedDelivery>(sql`
    with due as (
      select id from deliveries
      where integration_id = ${integrationId}::uuid
        and state in ('pending', 'retrying')
        and next_attempt_at <= now()
        and (leased_until is null or leased_until < now())
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    update deliveries d
    set leased_until = now() + make_interval(secs => ${leaseMs / 1000}), lease_owner = ${owner}
    from due where d.id = due.id
    returning d.id, d.completion_id as "completionId", d.attempts, d.cycle_attempts as "cycleAttempts",
      d.idempotency_key as "idempotencyKey"`);
  // Raw queries return bigint columns as strings.
  return rows.map((r) => ({ ...r, id: Number(r.id), completionId: Number(r.completionId) }));
}

/** Gives back leases that were claimed but not attempted (shutdown, auto-disable). */
export async function releaseLeases(db: DbOrTx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(deliveries).set({ leasedUntil: null, leaseOwner: null }).where(inArray(deliveries.id, ids));
}

export type DeliveryUpdate = {
  id: number;
  state: DeliveryState;
  attempts: number;
  cycleAttempts: number;
  nextAttemptAt: Date;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: Date;
  succeeded: boolean;
};

/** Writes many delivery outcomes in one statement and clears their leases. */
export async function applyDeliveryUpdates(db: DbOrTx, updates: DeliveryUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const values = sql.join(
    updates.map(
      (u) =>
        sql`(${u.id}::bigint, ${u.state}::text, ${u.attempts}::int, ${u.cycleAttempts}::int, ${u.nextAttemptAt.toISOString()}::timestamptz, ${u.lastStatus}::int, ${u.lastError}::text, ${u.lastAttemptAt.toISOString()}::timestamptz, ${u.succeeded}::boolean)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    update deliveries d set
      state = v.state, attempts = v.attempts, cycle_attempts = v.cycle_attempts, next_attempt_at = v.next_attempt_at,
      last_status = v.last_status, last_error = v.last_error, last_attempt_at = v.last_attempt_at,
      succeeded_at = case when v.succeeded then v.last_attempt_at else d.succeeded_at end,
      leased_until = null, lease_owner = null, updated_at = now()
    from (values ${values}) as v(id, state, attempts, cycle_attempts, next_attempt_at, last_status, last_error, last_attempt_at, succeeded)
    where d.id = v.id`);
}

/**
 * When unsent work of an integration next falls due: a retry's time, or when a lease held by another (perhaps
 * dead) worker runs out. Null when nothing waits.
 */
export async function nextRetryAt(db: DbOrTx, integrationId: string): Promise<Date | null> {
  const rows = await db.execute<{ at: string | null }>(sql`
    select min(greatest(next_attempt_at, coalesce(leased_until, next_attempt_at))) as at from deliveries
    where integration_id = ${integrationId}::uuid and state in ('pending', 'retrying')`);
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}

export async function findDelivery(db: DbOrTx, integrationId: string, id: number) {
  return db.query.deliveries.findFirst({
    where: and(eq(deliveries.id, id), eq(deliveries.integrationId, integrationId)),
  });
}

/** Admin: send again now (a fresh retry cycle), or never send. */
export async function setDeliveryState(
  db: DbOrTx,
  integrationId: string,
  ids: number[] | "all-failed",
  state: "pending" | "skipped",
): Promise<number> {
  const where =
    ids === "all-failed"
      ? and(eq(deliveries.integrationId, integrationId), eq(deliveries.state, "failed"))
      : and(eq(deliveries.integrationId, integrationId), inArray(deliveries.id, ids));
  const rows = await db
    .update(deliveries)
    .set({ state, cycleAttempts: 0, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(where)
    .returning({ id: deliveries.id });
  return rows.length;
}

/** Backfill: every completion since `since` is due again, with a new Idempotency-Key so the receiver takes it. */
export async function backfillDeliveries(db: DbOrTx, integrationId: string, since: Date): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`
    with upserted as (
      insert into deliveries (integration_id, completion_id)
      select ${integrationId}::uuid, c.id from completions c
      where c.recorded_at >= ${since.toISOString()}::timestamptz
      on conflict (integration_id, completion_id) do update set
        state = 'pending', cycle_attempts = 0, next_attempt_at = now(), idempotency_key = gen_random_uuid(),
        leased_until = null, lease_owner = null, updated_at = now()
      returning 1
    ) select count(*)::int as n from upserted`);
  return rows[0]?.n ?? 0;
}
