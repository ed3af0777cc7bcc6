import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serializeSyncLogRow } from "@/db/queries/sync-log";
import { deliveries, integrations, syncLog, syncRuns } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import type { AttemptResult } from "./attempt-result";
import { isConnectionError } from "./db-retry";
import { flushResults } from "./flush-results";
import { seedSyncFixture } from "./test-support/fixture";

// A database per test: each seeds the fixture's learners and courses.
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.drop();
});

/** `count` pending deliveries of a new integration, and a run to write their answers to. */
async function setUp(count: number) {
  const { integrationId } = await seedSyncFixture(t.db, {
    endpointUrl: "https://127.0.0.1:9/completions",
    completions: count,
  });
  await t.db.execute(sql`
    insert into deliveries (integration_id, completion_id, next_attempt_at)
    select ${integrationId}::uuid, id, now() from completions`);
  const [run] = await t.db
    .insert(syncRuns)
    .values({ integrationId, trigger: "manual", status: "running" })
    .returning();
  const rows = await t.db.select().from(deliveries).where(eq(deliveries.integrationId, integrationId));
  return { integrationId, runId: run!.id, rows };
}

/** A failed attempt of `delivery` as a run keeps it (a 500), with `logRow` as given or a proper one. */
function failure(
  ctx: { integrationId: string; runId: number },
  delivery: typeof deliveries.$inferSelect,
  logRow?: string,
): AttemptResult {
  const at = new Date();
  return {
    delivery: {
      id: delivery.id,
      completionId: delivery.completionId,
      attempts: 0,
      cycleAttempts: 0,
      idempotencyKey: delivery.idempotencyKey,
      nextAttemptAt: at.toISOString(),
    },
    outcome: {
      ok: false,
      status: 500,
      url: "https://127.0.0.1:9/completions",
      requestHeaders: {},
      responseHeaders: {},
      responseBody: "down",
      truncated: false,
      durationMs: 3,
      error: { code: "http", message: "HTTP 500" },
    },
    logRow:
      logRow ??
      serializeSyncLogRow({
        integrationId: ctx.integrationId,
        deliveryId: delivery.id,
        runId: ctx.runId,
        completionId: delivery.completionId,
        attempt: 1,
        requestBody: "{}",
        mappingVersion: 1,
        createdAt: at,
        durationMs: 3,
        requestUrl: "https://127.0.0.1:9/completions",
        requestHeaders: {},
        status: 500,
        outcome: "failure",
      }),
    wasSent: true,
    update: {
      id: delivery.id,
      state: "retrying",
      attempts: 1,
      cycleAttempts: 1,
      nextAttemptAt: new Date(at.getTime() + 60_000),
      lastStatus: 500,
      lastError: "HTTP 500",
      lastAttemptAt: at,
      succeeded: false,
    },
  };
}

const snapshot = async (integrationId: string, runId: number) => ({
  log: (await t.db.select().from(syncLog).where(eq(syncLog.integrationId, integrationId))).length,
  states: (await t.db.select().from(deliveries).where(eq(deliveries.integrationId, integrationId)))
    .map((d) => `${d.id}:${d.state}:${d.attempts}`)
    .sort(),
  run: (await t.db.select().from(syncRuns).where(eq(syncRuns.id, runId)))[0]!.sent,
  failures: (await t.db.select().from(integrations).where(eq(integrations.id, integrationId)))[0]!
    .consecutiveFailures,
});

describe("flushResults (one transaction)", () => {
  it("writes nothing of a batch when one of its writes fails, and leaves no connection inside a transaction", async () => {
    const ctx = await setUp(3);
    const before = await snapshot(ctx.integrationId, ctx.runId);
    const [a, b, c] = ctx.rows;
    // The middle row's attempt is not a number: the log insert fails after the other writes were sent with it.
    const broken = failure(ctx, b!, '{"integration_id":"not-a-uuid","attempt":"one"}');
    const batch = [failure(ctx, a!), broken, failure(ctx, c!)];

    await expect(flushResults(t.db, ctx.runId, ctx.integrationId, batch)).rejects.toThrow();

    expect(await snapshot(ctx.integrationId, ctx.runId)).toEqual(before);
    const inTransaction = await t.db.execute<{ n: number }>(sql`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and state like 'idle in transaction%'`);
    expect(inTransaction[0]!.n).toBe(0);

    // The same batch without the broken row is written whole, on the same pool.
    const written = await flushResults(t.db, ctx.runId, ctx.integrationId, [batch[0]!, batch[2]!]);
    expect(written.counts).toEqual({ sent: 2, succeeded: 0, failed: 0, retried: 2 });
    const after = await snapshot(ctx.integrationId, ctx.runId);
    expect(after.log).toBe(before.log + 2);
    expect(after.run).toBe(before.run + 2);
    expect(after.failures).toBe(before.failures + 2);
    expect(after.states.filter((s) => s.endsWith(":retrying:1"))).toHaveLength(2);
  });

  it("ends with a connection error, not a wait without end, when its connection is cut mid-transaction", async () => {
    const ctx = await setUp(2);
    const before = await snapshot(ctx.integrationId, ctx.runId);
    const batch = ctx.rows.map((row) => failure(ctx, row));
    // Another transaction holds the integration's row, so the flush waits on its lock inside its transaction; its
    // connection is then cut, as a PostgreSQL restart cuts it.
    let unlock = () => {};
    const holding = new Promise<void>((locked) => {
      void t.db.$client.begin(async (other) => {
        await other`select id from integrations where id = ${ctx.integrationId} for update`;
        locked();
        await new Promise<void>((resolve) => {
          unlock = resolve;
        });
      });
    });
    await holding;
    const flushing = flushResults(t.db, ctx.runId, ctx.integrationId, batch).then(
      () => null,
      (error: unknown) => error,
    );
    let waiting: { pid: number }[] = [];
    for (let i = 0; i < 200 && waiting.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      waiting = await t.db.$client<{ pid: number }[]>`
        select pid from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query ilike '%for update%'`;
    }
    expect(waiting).toHaveLength(1);
    await t.db.$client`select pg_terminate_backend(${waiting[0]!.pid})`;
    unlock();

    const error = await flushing;
    expect(error).not.toBeNull();
    expect(isConnectionError(error)).toBe(true); // so the run waits for the database and writes the batch again
    expect(await snapshot(ctx.integrationId, ctx.runId)).toEqual(before);

    // The pool serves the batch again, whole.
    const written = await flushResults(t.db, ctx.runId, ctx.integrationId, batch);
    expect(written.counts).toEqual({ sent: 2, succeeded: 0, failed: 0, retried: 2 });
    expect((await snapshot(ctx.integrationId, ctx.runId)).log).toBe(before.log + 2);
  });
});
