import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries, syncLog, syncRuns } from "@/db/schema";
import { json, type RecordedRequest } from "@/lib/delivery/test-support/servers";
import { CRASHED_RUN_ERROR, recoverCrashedWorkers } from "./crashed-workers";
import { enqueueSync } from "./jobs";
import { seedSyncFixture } from "./test-support/fixture";
import { keyOf, syncTestBed } from "./test-support/test-bed";
import { startWorkerProcess, type WorkerProcess, waitUntil } from "./test-support/worker-process";

const COMPLETIONS = 1_200;
const CONCURRENCY = 6;
/** When the receiver has seen this many requests, it stops answering and the worker running the sync is killed. */
const KILLS_AT = [150, 450, 750];

const bed = syncTestBed();

/** One SIGKILL: the requests the receiver was holding (never answered) when it came. */
type Kill = { held: RecordedRequest[]; sentBefore: number; runId: number };

const count = async (query: ReturnType<typeof sql>) =>
  Number((await bed.t.db.execute<{ n: number }>(query))[0]?.n ?? 0);

describe("workers killed again and again during one run", () => {
  it("loses nothing and abandons nothing: the run's own job finishes on a live worker, and the log has every request that may have reached the receiver, exactly once", async () => {
    const { integrationId } = await seedSyncFixture(bed.t.db, {
      endpointUrl: `${bed.receiver.url}completions`,
      completions: COMPLETIONS,
      // No scheduled run falls in the test; no request times out while the receiver holds it.
      integration: {
        concurrency: CONCURRENCY,
        timeoutMs: 30_000,
        failureThreshold: 1_000,
        scheduleCron: "0 0 1 1 *",
      },
    });
    const workers: WorkerProcess[] = [startWorkerProcess(bed.t.url), startWorkerProcess(bed.t.url)];
    const output = () => workers.map((w, i) => `worker ${i} (pid ${w.pid}):\n${w.output()}`).join("\n");
    const answered = new Set<RecordedRequest>();
    let holding: RecordedRequest[] | null = null;
    const kills: Kill[] = [];
    bed.receiver.setDefault((req, res) => {
      const next = KILLS_AT[kills.length];
      if (!holding && next !== undefined && bed.receiver.requests.length >= next) holding = [];
      if (holding) return void holding.push(req); // in flight when the worker dies: never answered
      json(200, { received: true })(req, res);
      answered.add(req);
    });
    await enqueueSync(bed.t.db, integrationId, "manual");

    for (const _ of KILLS_AT) {
      // Killed once every slot holds a request: an attempt is recorded before its request leaves, so a kill
      // between the two would log one the receiver never got ("may have received it"), and the counts below
      // could not be compared one for one.
      await waitUntil(
        () => holding !== null && holding.length >= CONCURRENCY,
        120_000,
        () =>
          `no kill was due: ${bed.receiver.requests.length} requests, ${holding?.length ?? 0} held\n${output()}`,
      );
      // The worker whose run holds the leases; a live worker beside it must be left alone.
      const [lease] = await bed.t.sql<{ owner: string }[]>`
        select lease_owner as owner from deliveries where lease_owner is not null limit 1`;
      const holder = workers.find((w) => lease?.owner.endsWith(`@pid-${w.pid}`));
      expect(holder, `no worker holds the leases (${lease?.owner})\n${output()}`).toBeDefined();
      expect(await recoverCrashedWorkers(bed.t.db, Date.now() + 60_000)).toEqual([]);
      const [run] = await bed.t.db.select().from(syncRuns).where(eq(syncRuns.status, "running"));
      const lockers = (
        await bed.t.sql<{ worker: string }[]>`
          select locked_by as worker from graphile_worker._private_jobs where locked_by is not null`
      ).map((r) => r.worker);

      holder!.signal("SIGKILL");
      expect((await holder!.exited).signal).toBe("SIGKILL");
      // Whatever the dead worker wrote has reached the receiver once its connections are closed.
      await waitUntil(
        () => bed.receiver.openConnections() === 0,
        30_000,
        () => `${bed.receiver.openConnections()} connections of the dead worker still open`,
      );
      kills.push({ held: holding ?? [], sentBefore: bed.receiver.requests.length, runId: run!.id });
      holding = null;
      const alive = workers.filter((w) => w.isRunning()).length;
      workers.push(startWorkerProcess(bed.t.url)); // one live worker beside the one that takes the run over
      // Taken back once PostgreSQL has closed its sessions (its liveness locks go with them): the clock is moved
      // on rather than waited for.
      await waitUntil(
        async () =>
          (await count(sql`select count(*)::int as n from pg_stat_activity
            where application_name = 'lms-sync-liveness'`)) <= alive,
        30_000,
        () => "the dead worker's liveness connection is still open",
      );
      await waitUntil(
        async () => {
          await recoverCrashedWorkers(bed.t.db);
          await recoverCrashedWorkers(bed.t.db, Date.now() + 60_000);
          const stillLocked = await bed.t.sql`
            select 1 from graphile_worker._private_jobs where locked_by = any(${lockers})`;
          return stillLocked.length === 0;
        },
        30_000,
        () => `the dead worker's job was not taken back\n${output()}`,
      );
    }

    let left = -1;
    await waitUntil(
      async () => {
        left = await count(sql`select count(*)::int as n from deliveries
          where integration_id = ${integrationId} and state <> 'succeeded'`);
        return (
          left === 0 &&
          (await count(sql`select count(*)::int as n from sync_runs where status = 'running'`)) === 0
        );
      },
      180_000,
      () => `${left} not delivered after ${bed.receiver.requests.length} requests\n${output()}`,
    );

    // Every completion arrived, each under its own stable key, by the run the test asked for: no Run now, no
    // scheduled run, and no run of the tick's sweep were needed.
    const rows = await bed.t.db.select().from(deliveries).where(eq(deliveries.integrationId, integrationId));
    const keyOfDelivery = new Map(rows.map((d) => [d.id, d.idempotencyKey]));
    const requestsPerKey = new Map<string, number>();
    for (const r of bed.receiver.requests)
      requestsPerKey.set(keyOf(r), (requestsPerKey.get(keyOf(r)) ?? 0) + 1);
    expect(new Set(requestsPerKey.keys())).toEqual(new Set(keyOfDelivery.values()));
    const runs = await bed.t.db.select().from(syncRuns).orderBy(syncRuns.id);
    expect(runs.map((r) => [r.trigger, r.status])).toEqual([
      ...KILLS_AT.map(() => ["manual", "failed"]),
      ["manual", "completed"],
    ]);
    for (const r of runs.slice(0, KILLS_AT.length)) expect(r.error).toBe(CRASHED_RUN_ERROR);

    // The log has one row for every request the receiver counted: one success per completion, and one
    // interrupted row for each request whose worker died before recording its answer.
    const log = await bed.t.db
      .select({
        deliveryId: syncLog.deliveryId,
        runId: syncLog.runId,
        outcome: syncLog.outcome,
        error: syncLog.errorMessage,
      })
      .from(syncLog)
      .where(eq(syncLog.integrationId, integrationId));
    const rowsPerKey = new Map<string, typeof log>();
    for (const l of log) {
      const key = keyOfDelivery.get(l.deliveryId!)!;
      rowsPerKey.set(key, [...(rowsPerKey.get(key) ?? []), l]);
    }
    // Where they differ, what the log says of each request (so a failure here names the cause).
    const differing = [...keyOfDelivery.values()]
      .filter((k) => (rowsPerKey.get(k)?.length ?? 0) !== (requestsPerKey.get(k) ?? 0))
      .map((k) => ({
        key: k,
        requests: requestsPerKey.get(k) ?? 0,
        log: (rowsPerKey.get(k) ?? []).map((l) => `run ${l.runId}: ${l.outcome} ${l.error ?? ""}`),
      }));
    expect(
      differing,
      `kills: ${kills.map((k) => `run ${k.runId} held ${k.held.length}`).join(", ")}`,
    ).toEqual([]);
    expect(log.filter((l) => l.outcome === "success")).toHaveLength(COMPLETIONS);

    // Each kill repeated only what was in flight (at most the concurrency) or answered but not yet recorded.
    for (const [i, kill] of kills.entries()) {
      const interrupted = new Set(
        log
          .filter((l) => l.runId === kill.runId && l.outcome === "interrupted")
          .map((l) => keyOfDelivery.get(l.deliveryId!)!),
      );
      const held = new Set(kill.held.map(keyOf));
      const answeredKeys = new Set([...answered].map(keyOf));
      const unrecorded = [...interrupted].filter((k) => !held.has(k));
      const resent = new Set(bed.receiver.requests.slice(kill.sentBefore).map(keyOf));
      const context = `kill ${i + 1}: ${held.size} in flight, ${unrecorded.length} answered but not recorded`;
      expect(held.size, context).toBeGreaterThan(0);
      expect(held.size, context).toBeLessThanOrEqual(CONCURRENCY);
      expect(
        [...held].filter((k) => !interrupted.has(k)),
        context,
      ).toEqual([]);
      expect(
        unrecorded.filter((k) => !answeredKeys.has(k)),
        context,
      ).toEqual([]);
      expect(
        [...interrupted].filter((k) => !resent.has(k)),
        context,
      ).toEqual([]);
    }
    const resentOnce = [...requestsPerKey].filter(([, n]) => n > 1).length;
    const interruptedRows = log.filter((l) => l.outcome === "interrupted").length;
    expect(resentOnce).toBeGreaterThan(0);
    expect(bed.receiver.requests.length).toBe(COMPLETIONS + interruptedRows);

    // Nothing is left in flight or leased, and every attempt is counted on its delivery.
    expect(await count(sql`select count(*)::int as n from attempts_in_flight`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from deliveries where leased_until is not null`)).toBe(
      0,
    );
    for (const d of rows) expect(d.attempts).toBe(requestsPerKey.get(d.idempotencyKey));
  }, 400_000);
});
