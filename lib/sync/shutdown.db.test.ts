import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries, syncLog, syncRuns } from "@/db/schema";
import { json, type RecordedRequest } from "@/lib/delivery/test-support/servers";
import { enqueueSync } from "./jobs";
import { seedSyncFixture } from "./test-support/fixture";
import { keyOf, syncTestBed } from "./test-support/test-bed";
import { sleep, startWorkerProcess, type WorkerProcess, waitUntil } from "./test-support/worker-process";

const COMPLETIONS = 1_000;
const CONCURRENCY = 4;

const bed = syncTestBed();
const count = async (query: ReturnType<typeof sql>) => {
  const [row] = await bed.t.db.execute<{ n: number }>(query);
  return Number(row?.n ?? 0);
};

describe("a worker told to stop (SIGTERM) in the middle of a run", () => {
  it("finishes and records what it has in flight, takes nothing new, exits, and the next worker sends the rest", async () => {
    const { integrationId } = await seedSyncFixture(bed.t.db, {
      endpointUrl: `${bed.receiver.url}completions`,
      completions: COMPLETIONS,
      integration: { concurrency: CONCURRENCY, timeoutMs: 10_000, failureThreshold: 1_000 },
    });
    let holdMs = 0;
    const held: RecordedRequest[] = [];
    bed.receiver.setDefault(async (req, res) => {
      if (holdMs > 0) held.push(req);
      await sleep(holdMs || 15);
      json(200, { received: true })(req, res);
    });
    const first = startWorkerProcess(bed.t.url);
    let second: WorkerProcess | undefined;
    const output = () => `first worker:\n${first.output()}\nsecond worker:\n${second?.output() ?? ""}`;
    await enqueueSync(bed.t.db, integrationId, "manual");
    await waitUntil(
      () => bed.receiver.requests.length >= 200,
      60_000,
      () => `too few requests\n${output()}`,
    );

    // Answers now take 2 s: whatever is in flight when the signal comes is still waiting for its answer.
    holdMs = 2_000;
    await waitUntil(() => held.length > 0, 10_000, output);
    first.signal("SIGTERM");
    const atSignal = bed.receiver.requests.length;
    const inFlight = [...held];
    const exit = await Promise.race([first.exited, sleep(60_000).then(() => null)]);
    expect(exit, `the worker did not exit by itself\n${output()}`).toEqual({ code: 0, signal: null });
    holdMs = 0;

    const sent = bed.receiver.requests.length;
    expect(sent - atSignal).toBeLessThanOrEqual(CONCURRENCY); // at most what had already left before the signal
    expect(sent).toBeLessThan(COMPLETIONS);
    // Every request that reached the receiver is in the log, the ones in flight at the signal included.
    const keyOfDelivery = new Map(
      (await bed.t.db.select().from(deliveries)).map((d) => [d.id, d.idempotencyKey] as const),
    );
    const log = (await bed.t.db.select().from(syncLog)).map((l) => ({
      status: l.status,
      key: keyOfDelivery.get(l.deliveryId ?? -1),
    }));
    expect(new Set(log.map((l) => l.key))).toEqual(new Set(bed.receiver.requests.map(keyOf)));
    expect(log).toHaveLength(sent);
    for (const r of inFlight) expect(log.find((l) => l.key === keyOf(r))?.status).toBe(200);
    // No lease is left behind, the run says why it stopped, and a follow-up run is waiting.
    expect(await count(sql`select count(*) as n from deliveries where leased_until is not null`)).toBe(0);
    const [run] = await bed.t.db.select().from(syncRuns).where(eq(syncRuns.integrationId, integrationId));
    expect(run).toMatchObject({ status: "stopped", sent });
    expect(run?.error).toMatch(/shutting down/);
    const waiting = await count(sql`
      select count(*) as n from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'integration-sync'`);
    expect(waiting).toBe(1);

    second = startWorkerProcess(bed.t.url);
    await waitUntil(
      async () =>
        (await count(sql`select count(*) as n from deliveries where state = 'succeeded'`)) === COMPLETIONS &&
        (await count(sql`select count(*) as n from sync_runs where status = 'running'`)) === 0,
      120_000,
      () => `not all delivered: ${bed.receiver.requests.length} requests\n${output()}`,
    );
    // Nothing was sent twice: the first worker recorded everything it sent.
    expect(bed.receiver.requests).toHaveLength(COMPLETIONS);
    expect(new Set(bed.receiver.requests.map(keyOf)).size).toBe(COMPLETIONS);
    const rows = await bed.t.db.select().from(deliveries).where(eq(deliveries.integrationId, integrationId));
    expect(rows.every((d) => d.state === "succeeded" && d.attempts === 1)).toBe(true);
    const runs = await bed.t.db.select().from(syncRuns).orderBy(syncRuns.id);
    expect(runs.slice(1).map((r) => [r.trigger, r.status])).toEqual([["retry", "completed"]]);
  }, 240_000);
});
