import { eq, sql } from "drizzle-orm";
import { runOnce } from "graphile-worker";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMissingDeliveries } from "@/db/queries/deliveries";
import { deliveries, integrations, syncRuns } from "@/db/schema";
import { createTestDatabase, type TestDatabase, truncateAll } from "@/db/test/database";
import { json, type Receiver, startReceiver } from "@/lib/delivery/test-support/servers";
import { setIntegrationStatus } from "@/lib/integrations/change-integration";
import { integrationSync } from "@/worker/tasks/integration-sync";
import { retryJobKey } from "./jobs";
import { runSync } from "./run-sync";
import { insertAdmin, seedSyncFixture } from "./test-support/fixture";
import { runTick } from "./tick";

let t: TestDatabase;
let receiver: Receiver;
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the sync task run inline below uses the process-wide pool
  receiver = await startReceiver();
});
afterEach(async () => {
  await truncateAll(t);
  await t.sql`delete from graphile_worker._private_jobs`;
  receiver.requests.length = 0;
  receiver.setDefault(json(200, { received: true }));
});
afterAll(async () => {
  await receiver.close();
  await t.drop();
});

const syncJobs = () => t.sql<{ key: string | null; attempts: number; due: boolean }[]>`
  select j.key, j.attempts, j.run_at <= now() as due from graphile_worker._private_jobs j
  join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = 'integration-sync'`;
/** Runs the sync jobs that are due, as a worker would. */
const runDueSyncJobs = () =>
  runOnce({ connectionString: t.url, taskList: { "integration-sync": integrationSync } });
const states = async (integrationId: string) =>
  (await t.db.select().from(deliveries).where(eq(deliveries.integrationId, integrationId))).map(
    (d) => d.state,
  );

describe("enabling an integration", () => {
  it("after an auto-disable enqueues a run at once, and that run sends what was waiting", async () => {
    receiver.setDefault(json(500, { error: "down" }));
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: `${receiver.url}completions`,
      completions: 12,
      integration: { concurrency: 1, failureThreshold: 3 },
    });
    expect(await runSync(t.db, integrationId, "manual")).toMatchObject({
      stopReason: "auto_disabled",
      sent: 3,
    });
    expect((await states(integrationId)).filter((s) => s === "pending")).toHaveLength(9);
    await t.sql`delete from graphile_worker._private_jobs`; // the notifications' e-mails

    receiver.setDefault(json(200, { ok: true }));
    receiver.requests.length = 0;
    await setIntegrationStatus(t.db, integrationId, "enable", await insertAdmin(t.db));
    expect(await syncJobs()).toEqual([{ key: retryJobKey(integrationId), attempts: 0, due: true }]);
    await runDueSyncJobs();
    // The nine never sent go now; the three that failed wait for their retry time as before.
    expect(receiver.requests).toHaveLength(9);
    const after = await states(integrationId);
    expect(after.filter((s) => s === "succeeded")).toHaveLength(9);
    expect(after.filter((s) => s === "retrying")).toHaveLength(3);
  });

  it("after a pause enqueues a run at once; pausing does not", async () => {
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: `${receiver.url}completions`,
      completions: 4,
    });
    const actor = await insertAdmin(t.db);
    await setIntegrationStatus(t.db, integrationId, "pause", actor);
    expect(await syncJobs()).toEqual([]);
    await setIntegrationStatus(t.db, integrationId, "enable", actor);
    await runDueSyncJobs();
    expect(receiver.requests).toHaveLength(4);
    expect(await states(integrationId)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
  });
});

describe("the minute tick", () => {
  it("enqueues a run for due deliveries that no job will send, and none while one will", async () => {
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: `${receiver.url}completions`,
      completions: 3,
      integration: { scheduleCron: "0 0 1 1 *" },
    });
    const dueSince = new Date(Date.now() - 1_000);
    await createMissingDeliveries(t.db, integrationId, new Date(0), dueSince);
    const resumed = async () => (await runTick(t.db)).resumed.map((r) => r.id);

    expect(await resumed()).toEqual([integrationId]);
    expect(await syncJobs()).toEqual([{ key: retryJobKey(integrationId), attempts: 0, due: true }]);
    expect(await resumed()).toEqual([]); // a job will send them

    // A job that gave up (its attempts used) sends nothing: the tick enqueues a new one.
    await t.sql`update graphile_worker._private_jobs set attempts = max_attempts`;
    expect(await resumed()).toEqual([integrationId]);
    expect(await syncJobs()).toContainEqual({ key: retryJobKey(integrationId), attempts: 0, due: true });

    // Once they are sent, nothing is due: nothing is enqueued. A paused integration is left alone.
    await runDueSyncJobs();
    expect(await states(integrationId)).toEqual(["succeeded", "succeeded", "succeeded"]);
    await createMissingDeliveries(t.db, integrationId, new Date(0), dueSince);
    expect(await resumed()).toEqual([]);
    await t.db
      .update(deliveries)
      .set({ state: "pending" })
      .where(eq(deliveries.integrationId, integrationId));
    await t.db.update(integrations).set({ status: "paused" }).where(eq(integrations.id, integrationId));
    expect(await resumed()).toEqual([]);
    await t.db.update(integrations).set({ status: "active" }).where(eq(integrations.id, integrationId));
    await t.db.execute(sql`update deliveries set leased_until = now() + interval '1 hour'`);
    expect(await resumed()).toEqual([]); // leased: another run has them
  });

  it("leaves an integration whose run was refused alone while the reason holds: resumed once fixed, or an hour on", async () => {
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: `${receiver.url}in`,
      completions: 2,
      integration: { scheduleCron: "0 0 1 1 *" },
    });
    await createMissingDeliveries(t.db, integrationId, new Date(0), new Date(Date.now() - 1_000));
    const setMapping = (mapping: (typeof integrations.$inferInsert)["mapping"]) =>
      t.db.update(integrations).set({ mapping }).where(eq(integrations.id, integrationId));
    const [good] = await t.db.select({ mapping: integrations.mapping }).from(integrations);
    await setMapping([{ key: "employeeId", source: "user.emial" }]);
    const resumed = async (now?: Date) => (await runTick(t.db, now)).resumed.map((r) => r.id);

    // The first tick runs it, and the run is refused (and says why).
    expect(await resumed()).toEqual([integrationId]);
    await runDueSyncJobs();
    const [run] = await t.db.select().from(syncRuns);
    expect(run).toMatchObject({ status: "failed", sent: 0 });
    expect(run?.error).toContain("user.emial");
    // Not again each minute: only another failed run would come of it.
    expect(await resumed()).toEqual([]);
    expect(await resumed(new Date(Date.now() + 30 * 60_000))).toEqual([]);
    // An hour on it is tried again (a fix outside the app: a key set again).
    expect(await resumed(new Date(Date.now() + 61 * 60_000))).toEqual([integrationId]);
    await t.sql`delete from graphile_worker._private_jobs`;

    // Another reason is news: a run says it.
    await setMapping([{ key: "employeeId", source: "user.emial2" }]);
    expect(await resumed()).toEqual([integrationId]);
    await t.sql`delete from graphile_worker._private_jobs`;

    // Fixed, it is resumed at the next tick, and sends.
    await setMapping(good!.mapping);
    expect(await resumed()).toEqual([integrationId]);
    await runDueSyncJobs();
    expect(await states(integrationId)).toEqual(["succeeded", "succeeded"]);
    expect(receiver.requests).toHaveLength(2);
  });
});
