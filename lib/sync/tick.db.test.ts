import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { insertAppUser } from "@/db/queries/app-users";
import { claimScheduleFire } from "@/db/queries/schedule";
import { deliveries, integrations } from "@/db/schema";
import { createTestDatabase, type TestDatabase, truncateAll } from "@/db/test/database";
import type { Actor } from "@/lib/auth/roles";
import { actOnDelivery, backfill, resendAllFailed } from "./delivery-actions";
import { seedSyncFixture } from "./test-support/fixture";
import { runTick } from "./tick";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await truncateAll(t);
  await t.sql`delete from graphile_worker._private_jobs`;
});
afterAll(async () => {
  await t.drop();
});

type Job = {
  task_identifier: string;
  payload: { integrationId: string; trigger: string };
  queue_name: string | null;
  key: string | null;
};
const jobs = () => t.sql<Job[]>`
  select t.identifier as task_identifier, j.payload, q.queue_name, j.key
  from graphile_worker._private_jobs j
  join graphile_worker._private_tasks t on t.id = j.task_id
  left join graphile_worker._private_job_queues q on q.id = j.job_queue_id
  order by j.id`;

describe("the minute tick", () => {
  it("enqueues one sync per integration whose schedule fired, on the integration's own queue", async () => {
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: "https://hr.example.com/x",
      completions: 1,
      integration: { scheduleCron: "*/5 * * * *" },
    });
    const created = new Date("2026-03-01T10:01:00Z");
    await t.db.update(integrations).set({ createdAt: created }).where(eq(integrations.id, integrationId));

    expect((await runTick(t.db, new Date("2026-03-01T10:04:59Z"))).enqueued).toHaveLength(0);
    const fired = await runTick(t.db, new Date("2026-03-01T10:23:00Z"));
    expect(fired.enqueued.map((e) => e.firedAt.toISOString())).toEqual(["2026-03-01T10:20:00.000Z"]);
    expect(await jobs()).toEqual([
      {
        task_identifier: "integration-sync",
        payload: { integrationId, trigger: "schedule" },
        queue_name: `integration:${integrationId}`,
        key: `sync:${integrationId}`,
      },
    ]);
    // The same minute again, or a second worker's tick: nothing new.
    expect((await runTick(t.db, new Date("2026-03-01T10:23:30Z"))).enqueued).toHaveLength(0);
    expect((await runTick(t.db, new Date("2026-03-01T10:25:00Z"))).enqueued).toHaveLength(1);
    expect(await jobs()).toHaveLength(1); // the job key keeps one waiting run, not two
  });

  it("lets one of two ticks that saw the same first fire claim it", async () => {
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: "https://hr.example.com/x",
      completions: 1,
      integration: { scheduleCron: "*/5 * * * *" },
    });
    const fire = new Date("2026-03-01T10:20:00Z");
    // Both read lastScheduledAt as null (never scheduled) before either wrote it.
    expect(await claimScheduleFire(t.db, integrationId, null, fire)).toBe(true);
    expect(await claimScheduleFire(t.db, integrationId, null, fire)).toBe(false);
    expect(await claimScheduleFire(t.db, integrationId, fire, new Date("2026-03-01T10:25:00Z"))).toBe(true);
  });

  it("leaves paused integrations alone", async () => {
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: "https://hr.example.com/x",
      completions: 1,
    });
    await t.db
      .update(integrations)
      .set({ status: "paused", createdAt: new Date("2026-01-01T00:00:00Z") })
      .where(eq(integrations.id, integrationId));
    expect(await runTick(t.db, new Date("2026-03-01T10:00:00Z"))).toEqual({
      active: 0,
      enqueued: [],
      resumed: [],
    });
  });
});

describe("admin actions on deliveries", () => {
  async function setup() {
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: "https://hr.example.com/x",
      completions: 6,
    });
    await t.db.execute(sql`insert into deliveries (integration_id, completion_id, state, idempotency_key)
      select ${integrationId}::uuid, id, case when id % 2 = 0 then 'failed' else 'succeeded' end, gen_random_uuid() from completions`);
    const u = await insertAppUser(t.db, {
      email: "a@test.local",
      name: "A",
      role: "admin",
      passwordHash: "x",
    });
    const actor: Actor = { id: u.id, email: u.email, name: u.name, role: "admin", via: "token" };
    return { integrationId, actor };
  }

  it("resends all failed, skips one, and refuses to skip a delivered one", async () => {
    const { integrationId, actor } = await setup();
    const rows = await t.db.select().from(deliveries).orderBy(deliveries.id);
    const failed = rows.filter((r) => r.state === "failed");
    const delivered = rows.find((r) => r.state === "succeeded")!;
    expect(await actOnDelivery(t.db, integrationId, failed[0]!.id, "skip", actor)).toEqual({
      ok: true,
      affected: 1,
    });
    expect(await actOnDelivery(t.db, integrationId, delivered.id, "skip", actor)).toMatchObject({
      ok: false,
      reason: "conflict",
    });
    expect(await resendAllFailed(t.db, integrationId, actor)).toEqual({
      ok: true,
      affected: failed.length - 1,
    });
    const after = await t.db.select().from(deliveries).orderBy(deliveries.id);
    expect(after.filter((r) => r.state === "skipped").map((r) => r.id)).toEqual([failed[0]!.id]);
    expect(after.filter((r) => r.state === "pending")).toHaveLength(failed.length - 1);
    expect((await jobs()).map((j) => j.key)).toEqual([`sync-retry:${integrationId}`]);
  });

  it("backfills every completion since a date with new Idempotency-Keys", async () => {
    const { integrationId, actor } = await setup();
    const before = await t.db.select().from(deliveries).orderBy(deliveries.id);
    const result = await backfill(t.db, integrationId, new Date(Date.now() - 400 * 86_400_000), actor);
    expect(result).toEqual({ ok: true, affected: before.length });
    const after = await t.db.select().from(deliveries).orderBy(deliveries.id);
    expect(after.every((d) => d.state === "pending")).toBe(true);
    for (const [i, d] of after.entries()) expect(d.idempotencyKey).not.toBe(before[i]!.idempotencyKey);
  });
});
