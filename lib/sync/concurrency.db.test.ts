import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { deliveries, syncLog } from "@/db/schema";
import { createTestDatabase, type TestDatabase, truncateAll } from "@/db/test/database";
import { json, type Receiver, startReceiver } from "@/lib/delivery/test-support/servers";
import { enqueueSync } from "./jobs";
import { runSync } from "./run-sync";
import { seedSyncFixture } from "./test-support/fixture";
import { killAllWorkerProcesses, sleep, startWorkerProcess, waitUntil } from "./test-support/worker-process";

const COMPLETIONS = 1_000;

let t: TestDatabase;
let receiver: Receiver;
let maxDelayMs = 6;

beforeAll(async () => {
  t = await createTestDatabase();
  receiver = await startReceiver();
  // A receiver that takes a little, unevenly, so the runs' claims interleave.
  receiver.setDefault(async (req, res) => {
    await sleep(Math.random() * maxDelayMs);
    json(200, { received: true })(req, res);
  });
});
afterEach(async () => {
  await killAllWorkerProcesses();
  await truncateAll(t);
  await t.sql`delete from graphile_worker._private_jobs`;
  receiver.requests.length = 0;
  maxDelayMs = 6;
});
afterAll(async () => {
  await killAllWorkerProcesses();
  await receiver.close();
  await t.drop();
});

const seed = () =>
  seedSyncFixture(t.db, {
    endpointUrl: `${receiver.url}completions`,
    completions: COMPLETIONS,
    integration: { concurrency: 8, failureThreshold: 1_000 },
  });

/** Every delivery arrived exactly once, succeeded, and has exactly one log row. */
async function expectEachSentOnce(integrationId: string) {
  const counts = new Map<string, number>();
  for (const r of receiver.requests) {
    const key = String(r.headers["idempotency-key"]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = [...counts].filter(([, n]) => n > 1);
  expect(repeated).toEqual([]);
  const rows = await t.db.select().from(deliveries).where(eq(deliveries.integrationId, integrationId));
  expect(rows).toHaveLength(COMPLETIONS);
  expect(new Set(counts.keys())).toEqual(new Set(rows.map((d) => d.idempotencyKey)));
  expect(rows.filter((d) => d.state !== "succeeded")).toEqual([]);
  const [log] = await t.db
    .select({
      rows: sql<number>`count(*)::int`,
      deliveries: sql<number>`count(distinct ${syncLog.deliveryId})::int`,
    })
    .from(syncLog);
  expect(log).toEqual({ rows: COMPLETIONS, deliveries: COMPLETIONS });
}

describe("several runs of one integration at the same time", () => {
  it("three runs on three connection pools share the work and send no delivery twice", async () => {
    const { integrationId } = await seed();
    const pools = [1, 2, 3].map(() => createDb(t.url, { max: 4 }));
    try {
      const summaries = await Promise.all(
        pools.map((p, i) => runSync(p.db, integrationId, "manual", { owner: `run-${i + 1}` })),
      );
      const sent = summaries.map((s) => (s.ran ? s.sent : -1));
      expect(sent.every((n) => n > 0)).toBe(true); // they really ran side by side
      expect(sent.reduce((a, b) => a + b, 0)).toBe(COMPLETIONS);
      expect(summaries.every((s) => s.ran && s.status === "completed")).toBe(true);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
    expect(receiver.requests).toHaveLength(COMPLETIONS);
    await expectEachSentOnce(integrationId);
  }, 120_000);

  it("a worker process's job and a run in another process share the work and send no delivery twice", async () => {
    maxDelayMs = 30; // the worker's run must still be going when the second one starts
    const { integrationId } = await seed();
    const worker = startWorkerProcess(t.url);
    await enqueueSync(t.db, integrationId, "manual");
    await waitUntil(
      () => receiver.requests.length > 0,
      60_000,
      () => `the worker sent nothing\n${worker.output()}`,
    );
    const here = await runSync(t.db, integrationId, "manual", { owner: "test-process" });
    expect(here).toMatchObject({ ran: true, status: "completed" });
    expect(here.ran && here.sent).toBeGreaterThan(0);
    await waitUntil(
      async () => {
        const [row] = await t.sql`select count(*)::int as n from sync_runs where status = 'running'`;
        return row?.n === 0;
      },
      60_000,
      () => `the worker's run did not finish\n${worker.output()}`,
    );
    expect(receiver.requests).toHaveLength(COMPLETIONS);
    await expectEachSentOnce(integrationId);
  }, 120_000);
});
