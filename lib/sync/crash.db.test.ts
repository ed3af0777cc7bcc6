import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries, syncLog, syncRuns } from "@/db/schema";
import { json, type RecordedRequest } from "@/lib/delivery/test-support/servers";
import { recoverCrashedWorkers } from "./crashed-workers";
import { enqueueSync } from "./jobs";
import { seedSyncFixture } from "./test-support/fixture";
import { keyOf, syncTestBed } from "./test-support/test-bed";
import { startWorkerProcess, type WorkerProcess, waitUntil } from "./test-support/worker-process";

const COMPLETIONS = 2_000;
/** From this request on, the first worker waits for its answers while the test checks that it is left alone. */
const LIVE_CHECK_AT = 50;
const KILL_AT = 450;

const bed = syncTestBed();

function groupByKey(requests: RecordedRequest[]): Map<string, RecordedRequest[]> {
  const groups = new Map<string, RecordedRequest[]>();
  for (const r of requests) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  return groups;
}

async function progress(integrationId: string) {
  const [row] = await bed.t.db
    .select({
      total: sql<number>`count(*)::int`,
      unsent: sql<number>`(count(*) filter (where ${deliveries.state} in ('pending', 'retrying')))::int`,
    })
    .from(deliveries)
    .where(eq(deliveries.integrationId, integrationId));
  const [runs] = await bed.t.db
    .select({ running: sql<number>`(count(*) filter (where ${syncRuns.status} = 'running'))::int` })
    .from(syncRuns);
  return { total: row?.total ?? 0, unsent: row?.unsent ?? 0, running: runs?.running ?? 0 };
}

describe("a worker killed in the middle of a run", () => {
  it("loses nothing: the next worker sends the rest, and repeats only what the dead one sent but never recorded", async () => {
    const { integrationId } = await seedSyncFixture(bed.t.db, {
      endpointUrl: `${bed.receiver.url}completions`,
      completions: COMPLETIONS,
      // Long enough that no request times out while the receiver holds it during the live-worker check.
      integration: { timeoutMs: 30_000, concurrency: 6, failureThreshold: 1_000 },
    });
    const first = startWorkerProcess(bed.t.url);
    let second: WorkerProcess | undefined;
    const workerOutput = () => `first worker:\n${first.output()}\nsecond worker:\n${second?.output() ?? ""}`;
    let killed = false;
    let onLiveWorkerChecked = () => {};
    const liveWorkerChecked = new Promise<void>((resolve) => {
      onLiveWorkerChecked = resolve;
    });
    bed.receiver.setDefault(async (req, res) => {
      if (bed.receiver.requests.length > LIVE_CHECK_AT) await liveWorkerChecked;
      // Killed while this request is in flight: the dead worker sent it and never gets the answer to record.
      if (!killed && bed.receiver.requests.length >= KILL_AT) {
        killed = true;
        first.signal("SIGKILL");
        await first.exited;
      }
      json(200, { received: true })(req, res);
    });
    await enqueueSync(bed.t.db, integrationId, "manual");
    // While it lives, its job is never taken from it, however long it seems to have run.
    await waitUntil(
      () => bed.receiver.requests.length >= LIVE_CHECK_AT,
      60_000,
      () => `no requests yet\n${workerOutput()}`,
    );
    const [locked] = await bed.t
      .sql`select count(*)::int as n from graphile_worker._private_jobs where locked_by is not null`;
    expect(locked?.n).toBe(1);
    const holders = (
      await bed.t.sql<{ worker: string }[]>`
        select distinct locked_by as worker from graphile_worker._private_jobs where locked_by is not null`
    ).map((r) => r.worker);
    expect(await recoverCrashedWorkers(bed.t.db)).toEqual([]);
    expect(await recoverCrashedWorkers(bed.t.db, Date.now() + 60_000)).toEqual([]);
    onLiveWorkerChecked();
    await waitUntil(
      () => !first.isRunning(),
      90_000,
      () => `the first worker was never killed\n${workerOutput()}`,
    );
    expect((await first.exited).signal).toBe("SIGKILL");
    // Whatever the dead worker had already written reaches the receiver before its connections close.
    await waitUntil(
      () => bed.receiver.openConnections() === 0,
      30_000,
      () => `${bed.receiver.openConnections()} connections of the dead worker still open`,
    );
    const sentByDead = bed.receiver.requests.length;
    const recordedByDead = new Set(
      (await bed.t.db.select({ id: syncLog.deliveryId }).from(syncLog)).map((r) => r.id),
    );
    expect(sentByDead).toBeGreaterThanOrEqual(KILL_AT);
    expect(recordedByDead.size).toBeLessThan(sentByDead);

    // Its jobs are taken back once it has looked dead long enough: the clock is moved on rather than waited for,
    // once PostgreSQL has noticed that its connections are gone (and with them its liveness locks).
    await waitUntil(
      async () =>
        (await bed.t.sql`select 1 from pg_stat_activity where application_name = 'lms-sync-liveness'`)
          .length === 0,
      30_000,
      () => "the dead worker's liveness connection is still open",
    );
    expect(await recoverCrashedWorkers(bed.t.db)).toEqual([]);
    expect(await recoverCrashedWorkers(bed.t.db, Date.now() + 60_000)).toEqual(
      expect.arrayContaining(holders),
    );
    second = startWorkerProcess(bed.t.url);
    let last = { total: 0, unsent: -1, running: -1 };
    await waitUntil(
      async () => {
        last = await progress(integrationId);
        return last.total === COMPLETIONS && last.unsent === 0 && last.running === 0;
      },
      150_000,
      () => `still ${JSON.stringify(last)}, ${bed.receiver.requests.length} requests\n${workerOutput()}`,
    );

    const rows = await bed.t.db.select().from(deliveries).where(eq(deliveries.integrationId, integrationId));
    expect(rows.every((d) => d.state === "succeeded")).toBe(true);
    // Every delivery arrived, each under its own stable key.
    const byKey = groupByKey(bed.receiver.requests);
    expect(new Set(byKey.keys())).toEqual(new Set(rows.map((d) => d.idempotencyKey)));

    const deliveryOfKey = new Map(rows.map((d) => [d.idempotencyKey, d.id]));
    const repeated = [...byKey].filter(([, copies]) => copies.length > 1);
    expect(repeated.length).toBeGreaterThan(0); // at least the request the worker died waiting for
    for (const [key, copies] of repeated) {
      expect(copies).toHaveLength(2);
      expect(bed.receiver.requests.indexOf(copies[0]!)).toBeLessThan(sentByDead); // first sent by the dead worker…
      expect(bed.receiver.requests.indexOf(copies[1]!)).toBeGreaterThanOrEqual(sentByDead);
      expect(recordedByDead.has(deliveryOfKey.get(key)!)).toBe(false); // …which never recorded it
      expect(copies[1]!.body).toBe(copies[0]!.body);
    }
    // What the dead worker recorded was never sent again.
    const after = bed.receiver.requests.slice(sentByDead).map((r) => deliveryOfKey.get(keyOf(r)));
    expect(after.filter((id) => recordedByDead.has(id!))).toEqual([]);

    // The log has one successful attempt for every delivery, with the body that was sent.
    const log = await bed.t.db
      .select({ deliveryId: syncLog.deliveryId, body: syncLog.requestBody, outcome: syncLog.outcome })
      .from(syncLog)
      .where(eq(syncLog.integrationId, integrationId));
    expect(log).toHaveLength(COMPLETIONS);
    expect(new Set(log.map((l) => l.deliveryId))).toEqual(new Set(rows.map((d) => d.id)));
    const keyOfDelivery = new Map(rows.map((d) => [d.id, d.idempotencyKey]));
    for (const l of log) {
      expect(l.outcome).toBe("success");
      expect(byKey.get(keyOfDelivery.get(l.deliveryId!)!)?.[0]?.body).toBe(l.body);
    }

    // The dead worker's run does not stay "running" for ever.
    const runs = await bed.t.db.select().from(syncRuns).orderBy(syncRuns.id);
    expect(runs[0]).toMatchObject({ status: "failed" });
    expect(runs[0]?.error).toMatch(/stopped unexpectedly/);
    expect(runs.slice(1).every((r) => r.status === "completed")).toBe(true);
  }, 300_000);
});
