import { and, eq, inArray, sql } from "drizzle-orm";
import { INTERRUPTED_ERROR, idempotencyKeyOf } from "../../lib/sync/model";
import type { Db, DbOrTx } from "../client";
import { attemptsInFlight, type DeliveryState, deliveries } from "../schema";
import { logInterrupted } from "./sync-log";

/** A time the caller's clock gives (a sync run's), else the database's own. */
const timeOr = (at: Date | undefined) => (at ? sql`${at.toISOString()}::timestamptz` : sql`now()`);

/**
 * One set-based insert: a pending delivery for every completion recorded since `since` that has none yet, due at
 * `now` (the run's clock, so its claims find them at once), carrying the completion's revision.
 */
export async function createMissingDeliveries(
  db: DbOrTx,
  integrationId: string,
  since: Date,
  now?: Date,
): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`
    with created as (
      insert into deliveries (integration_id, completion_id, next_attempt_at, revision)
      select ${integrationId}::uuid, c.id, ${timeOr(now)}, c.revision from completions c
      where c.recorded_at >= ${since.toISOString()}::timestamptz
      on conflict (integration_id, completion_id) do nothing
      returning 1
    ) select count(*)::int as n from created`);
  return rows[0]?.n ?? 0;
}

/**
 * Refreshes the planner's statistics after a large batch of new deliveries. Until autovacuum gets to it, the planner
 * believes the table holds the few rows it last counted and claims by sorting every due row (0.6 s per claim at a
 * million) instead of reading the due index in order (2 ms).
 */
export async function analyzeDeliveries(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze deliveries`);
}

/**
 * A scheduled run gives failed deliveries a new retry cycle, due at `now`, or later when the receiver's last answer
 * asked to wait longer (Retry-After: planAfterFailure dates a failed delivery then).
 */
export async function restartFailedDeliveries(
  db: DbOrTx,
  integrationId: string,
  now?: Date,
): Promise<number> {
  const rows = await db
    .update(deliveries)
    .set({
      state: "pending",
      cycleAttempts: 0,
      nextAttemptAt: sql`greatest(${deliveries.nextAttemptAt}, ${timeOr(now)})`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(deliveries.integrationId, integrationId), eq(deliveries.state, "failed")))
    .returning({ id: deliveries.id });
  return rows.length;
}

export type ClaimedDelivery = {
  id: number;
  completionId: number;
  attempts: number;
  cycleAttempts: number;
  /** The key the receiver sees, with the completion's revision from revision 2 on (idempotencyKeyOf). */
  idempotencyKey: string;
  /** When it fell due; with the id, where the next claim of the same run continues. */
  nextAttemptAt: string;
};

/** Where a run's previous claim ended: the due time and id of the last delivery it took. */
export type ClaimCursor = { nextAttemptAt: string; id: number };

export type ClaimOptions = {
  limit: number;
  /** How long the claimed deliveries stay leased to `owner`. */
  leaseMs: number;
  owner: string;
  /** Where the previous claim of the same run ended; null starts at the top. */
  after: ClaimCursor | null;
  /** The run's clock: what is due, and which leases have run out, is decided by it. */
  now: Date;
};

/**
 * Leases up to `limit` due deliveries of one integration. SKIP LOCKED and the lease make two workers never take
 * the same delivery; a worker that dies leaves its leases to run out, and the deliveries are due again.
 * Ordered by due time and id, which the due index serves. With `after`, the claim starts after the previous one
 * instead of at the start of the index, where the entries of every delivery already sent in this run (left until
 * vacuum) would be stepped over again each time; a run ends with a claim without it, which finds anything that
 * fell due behind the cursor meanwhile (a dead worker's expired lease).
 */
export async function claimDueDeliveries(
  db: DbOrTx,
  integrationId: string,
  { limit, leaseMs, owner, after, now }: ClaimOptions,
): Promise<ClaimedDelivery[]> {
  const cursor = after
    ? sql`and (next_attempt_at, id) > (${after.nextAttemptAt}::timestamptz, ${after.id}::bigint)`
    : sql``;
  const at = now.toISOString();
  const rows = await db.execute<ClaimedDelivery & { revision: number }>(sql`
    with due as (
      select id from deliveries
      where integration_id = ${integrationId}::uuid
        and state in ('pending', 'retrying')
        and next_attempt_at <= ${at}::timestamptz
        and (leased_until is null or leased_until < ${at}::timestamptz)
        ${cursor}
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    ),
    claimed as (
      update deliveries d
      set leased_until = ${at}::timestamptz + make_interval(secs => ${leaseMs / 1000}), lease_owner = ${owner}
      from due where d.id = due.id
      returning d.id, d.completion_id, d.attempts, d.cycle_attempts, d.idempotency_key, d.revision, d.next_attempt_at
    )
    -- UPDATE ... RETURNING keeps no order; the run attempts them in due order and continues after the last.
    select id, completion_id as "completionId", attempts, cycle_attempts as "cycleAttempts",
      idempotency_key as "idempotencyKey", revision,
      to_char(next_attempt_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "nextAttemptAt"
    from claimed order by next_attempt_at, id`);
  // Raw queries return bigint columns as strings.
  return rows.map(({ revision, ...r }) => ({
    ...r,
    id: Number(r.id),
    completionId: Number(r.completionId),
    idempotencyKey: idempotencyKeyOf(r.idempotencyKey, revision),
  }));
}

/** Gives back leases that were claimed but not sent (shutdown, auto-disable), and any attempt recorded for them. */
export async function releaseLeases(db: DbOrTx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(deliveries).set({ leasedUntil: null, leaseOwner: null }).where(inArray(deliveries.id, ids));
  await db.delete(attemptsInFlight).where(inArray(attemptsInFlight.deliveryId, ids));
}

/**
 * Records attempts as in flight just before their requests leave (see attemptsInFlight): each with its log row
 * (from serializeSyncLogRow, naming its delivery). One statement for the batch.
 */
export async function markInFlight(db: Db, rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  // A prepared statement (postgres.js's own template), one round trip: it stands before every request. (An
  // unprepared statement with parameters asks the server for their types first: two.)
  await db.$client`
    insert into attempts_in_flight (delivery_id, log_row)
    select (r.value->>'delivery_id')::bigint, r.value::text from json_array_elements(${`[${rows.join(",")}]`}::json) as r
    on conflict (delivery_id) do update set log_row = excluded.log_row`;
}

/** The attempts whose answers are written are no longer in flight. */
export async function clearInFlight(db: DbOrTx, deliveryIds: number[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  await db.execute(sql`
    delete from attempts_in_flight where delivery_id = any(${`{${deliveryIds.join(",")}}`}::bigint[])`);
}

/**
 * Takes back the deliveries a run leased and never recorded (its worker died, or the run failed): their leases are
 * given back, and each attempt that was in flight is logged as interrupted and counted on its delivery, so the log
 * shows every request that may have reached the receiver. `leaseOwner` is the run's owner, or its part before "@"
 * (a job's, whatever process ran it). Returns how many attempts were interrupted.
 */
export async function takeBackDeliveries(
  db: DbOrTx,
  integrationId: string,
  leaseOwner: string,
): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`
    with taken as (
      select d.id from deliveries d
      where d.integration_id = ${integrationId}::uuid and d.state in ('pending', 'retrying')
        and split_part(d.lease_owner, '@', 1) = ${leaseOwner.split("@")[0]}
      for update
    ), in_flight as (
      delete from attempts_in_flight f using taken t where f.delivery_id = t.id
      returning f.delivery_id, f.log_row
    ), released as (
      update deliveries d set leased_until = null, lease_owner = null,
        attempts = d.attempts + (f.delivery_id is not null)::int,
        last_error = case when f.delivery_id is null then d.last_error else ${INTERRUPTED_ERROR.message} end,
        last_attempt_at = case when f.delivery_id is null then d.last_attempt_at else now() end, updated_at = now()
      from taken t left join in_flight f on f.delivery_id = t.id
      where d.id = t.id
    ), ${logInterrupted(sql`in_flight`)}
    select count(*)::int as n from interrupted`);
  return Number(rows[0]?.n ?? 0);
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

/** Writes many delivery outcomes in one statement (one JSON parameter, prepared once) and clears their leases. */
export async function applyDeliveryUpdates(db: DbOrTx, updates: DeliveryUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const json = JSON.stringify(
    updates.map((u) => ({
      id: u.id,
      state: u.state,
      attempts: u.attempts,
      cycle_attempts: u.cycleAttempts,
      next_attempt_at: u.nextAttemptAt,
      last_status: u.lastStatus,
      last_error: u.lastError,
      last_attempt_at: u.lastAttemptAt,
      succeeded: u.succeeded,
    })),
  );
  await db.execute(sql`
    update deliveries d set
      state = v.state, attempts = v.attempts, cycle_attempts = v.cycle_attempts, next_attempt_at = v.next_attempt_at,
      last_status = v.last_status, last_error = v.last_error, last_attempt_at = v.last_attempt_at,
      succeeded_at = case when v.succeeded then v.last_attempt_at else d.succeeded_at end,
      leased_until = null, lease_owner = null, updated_at = now()
    from json_to_recordset(${json}::json) as v(id bigint, state text, attempts int, cycle_attempts int,
      next_attempt_at timestamptz, last_status int, last_error text, last_attempt_at timestamptz, succeeded boolean)
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
