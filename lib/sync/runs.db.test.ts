import { eq, sql } from "drizzle-orm";
import { runOnce } from "graphile-worker";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listLog } from "@/app/api/integrations/[id]/log/route";
import { POST as runNow } from "@/app/api/integrations/[id]/run/route";
import { GET as getRun } from "@/app/api/integrations/[id]/runs/[runId]/route";
import { GET as listRuns } from "@/app/api/integrations/[id]/runs/route";
import { syncRuns } from "@/db/schema";
import { seedLmsData } from "@/db/seed/lms-data";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import type { Actor } from "@/lib/auth/roles";
import { json, type Receiver, type Responder, startReceiver } from "@/lib/delivery/test-support/servers";
import { setIntegrationStatus } from "@/lib/integrations/change-integration";
import { integrationSync } from "@/worker/tasks/integration-sync";
import { enqueueSync } from "./jobs";
import { NOT_STARTED_TEXT } from "./model";
import { runSync } from "./run-sync";
import { ensureTestSecretKey, insertAdmin } from "./test-support/fixture";
import { addReceiverIntegration } from "./test-support/receiver-integration";
import { runTick } from "./tick";

// Run now answers the run's id at once, and GET /runs/:runId tells a script how it goes until it is done; the
// runs list pages. The sync job runs inline (graphile-worker's runOnce) against a real HTTPS receiver.

const COMPLETIONS = 30;
let t: TestDatabase;
let receiver: Receiver;
let admin: string;
let viewer: string;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the routes and the worker task use the process-wide pool
  receiver = await startReceiver();
  ensureTestSecretKey();
  await seedLmsData(t.db, new Date(), { users: COMPLETIONS, completions: COMPLETIONS });
  ({ adminToken: admin, viewerToken: viewer } = await createApiUsers(t));
});
afterEach(() => {
  receiver.requests.length = 0;
  receiver.setDefault(json(200, { received: true }));
});
afterAll(async () => {
  await receiver.close();
  await t.drop();
});

const endpoint = () => `${receiver.url}completions`;
let signedIn: Actor | undefined;
const actor = async () => {
  signedIn ??= await insertAdmin(t.db);
  return signedIn;
};
const runJobs = () => runOnce({ connectionString: t.url, taskList: { "integration-sync": integrationSync } });
const requestRun = (id: string) =>
  callRoute(runNow, { token: admin, method: "POST", path: `/api/integrations/${id}/run`, params: { id } });
const pollRun = async (id: string, runId: number) => {
  const reply = await callRoute(getRun, {
    token: viewer,
    path: `/api/integrations/${id}/runs/${runId}`,
    params: { id, runId: String(runId) },
  });
  expect(reply.status).toBe(200);
  return reply.body.run;
};

describe("Run now and the run's state", () => {
  it("answers 202 with the run's id, which a script polls from queued to completed with the receiver's counts", async () => {
    const id = await addReceiverIntegration(t.db, endpoint(), { failureThreshold: 1000 });
    // Every fifth request is refused, so the counts have both sides.
    let n = 0;
    receiver.setDefault((req, res) => {
      n += 1;
      return (n % 5 === 0 ? json(400, { error: "bad" }) : json(200, { ok: true }))(req, res);
    });
    const reply = await requestRun(id);
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ enqueued: true, run: { status: "queued", done: false, sent: 0 } });
    const { runId } = reply.body;
    expect(await pollRun(id, runId)).toMatchObject({ id: runId, status: "queued", startedAt: null });

    await runJobs();
    const run = await pollRun(id, runId);
    const accepted = COMPLETIONS - COMPLETIONS / 5;
    expect(run).toMatchObject({
      id: runId,
      trigger: "manual",
      status: "completed",
      done: true,
      sent: receiver.requests.length,
      accepted,
      retried: COMPLETIONS / 5,
      failed: 0,
      error: null,
    });
    expect(receiver.requests).toHaveLength(COMPLETIONS);
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(run.finishedAt)).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
    // The run's log entries are exactly its attempts, and no other run was recorded for it.
    const log = await callRoute(listLog, {
      token: viewer,
      path: `/api/integrations/${id}/log?runId=${runId}&limit=200`,
      params: { id },
    });
    expect(log.body.entries).toHaveLength(COMPLETIONS);
    expect(await t.db.select().from(syncRuns).where(eq(syncRuns.integrationId, id))).toHaveLength(1);
  });

  it("writes a running run's counts as it goes", async () => {
    const id = await addReceiverIntegration(t.db, endpoint(), { concurrency: 2 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let n = 0;
    const held: Responder = async (req, res) => {
      n += 1;
      if (n > 10) await gate;
      return json(200, { ok: true })(req, res);
    };
    receiver.setDefault(held);
    const { runId } = (await requestRun(id)).body;
    const job = runJobs();
    await vi.waitFor(async () => expect(await pollRun(id, runId)).toMatchObject({ sent: 10 }), {
      timeout: 15_000,
      interval: 50,
    });
    expect(await pollRun(id, runId)).toMatchObject({ status: "running", done: false, accepted: 10 });
    release();
    await job;
    expect(await pollRun(id, runId)).toMatchObject({ status: "completed", sent: COMPLETIONS });
  });

  it("a second Run now joins the run already waiting, and the schedule's job starts it too", async () => {
    const id = await addReceiverIntegration(t.db, endpoint());
    const first = await requestRun(id);
    const second = await requestRun(id);
    expect(second.body.runId).toBe(first.body.runId);
    // The minute tick replaces the waiting job (one job key): the run it starts is still the one asked for.
    await enqueueSync(t.db, id, "schedule");
    await runJobs();
    expect(await pollRun(id, first.body.runId)).toMatchObject({ status: "completed", sent: COMPLETIONS });
    expect(await t.db.select().from(syncRuns).where(eq(syncRuns.integrationId, id))).toHaveLength(1);
  });

  it("a run whose integration is paused before a worker starts it ends without sending, and says why", async () => {
    const id = await addReceiverIntegration(t.db, endpoint());
    const { runId } = (await requestRun(id)).body;
    await setIntegrationStatus(t.db, id, "pause", await actor());
    await runJobs();
    expect(await pollRun(id, runId)).toMatchObject({
      status: "stopped",
      done: true,
      sent: 0,
      error: NOT_STARTED_TEXT,
    });
    expect(receiver.requests).toHaveLength(0);
    expect((await requestRun(id)).status).toBe(409);
  });

  it("another integration's run is not found under this one", async () => {
    const a = await addReceiverIntegration(t.db, endpoint());
    const b = await addReceiverIntegration(t.db, endpoint());
    const { runId } = (await requestRun(a)).body;
    const reply = await callRoute(getRun, {
      token: viewer,
      path: `/api/integrations/${b}/runs/${runId}`,
      params: { id: b, runId: String(runId) },
    });
    expect(reply.status).toBe(404);
    const viewerRun = await callRoute(runNow, {
      token: viewer,
      method: "POST",
      path: `/api/integrations/${a}/run`,
      params: { id: a },
    });
    expect(viewerRun.status).toBe(403);
  });
});

describe("what started a run", () => {
  it("enabling an integration and the minute tick's resume record their own triggers", async () => {
    const id = await addReceiverIntegration(t.db, endpoint());
    await setIntegrationStatus(t.db, id, "pause", await actor());
    await setIntegrationStatus(t.db, id, "enable", await actor());
    await runJobs();
    await runTick(t.db);
    await runJobs();
    const runs = await t.db
      .select()
      .from(syncRuns)
      .where(eq(syncRuns.integrationId, id))
      .orderBy(syncRuns.id);
    expect(runs.map((r) => [r.trigger, r.sent])).toEqual([["enable", COMPLETIONS]]);
    // Nothing due: the tick enqueued no run. One more due delivery, and it does.
    await t.db.execute(sql`update deliveries set state = 'pending', next_attempt_at = now()
      where id = (select min(id) from deliveries where integration_id = ${id})`);
    await runTick(t.db);
    await runJobs();
    const after = await t.db
      .select()
      .from(syncRuns)
      .where(eq(syncRuns.integrationId, id))
      .orderBy(syncRuns.id);
    expect(after.map((r) => [r.trigger, r.sent])).toEqual([
      ["enable", COMPLETIONS],
      ["tick", 1],
    ]);
  });
});

describe("the runs list", () => {
  it("pages newest first by cursor, without repeats or gaps", async () => {
    const id = await addReceiverIntegration(t.db, endpoint());
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const summary = await runSync(t.db, id, i === 0 ? "manual" : "retry");
      if (summary.ran) ids.push(summary.runId);
    }
    const page = (cursor?: number) =>
      callRoute(listRuns, {
        token: viewer,
        path: `/api/integrations/${id}/runs?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        params: { id },
      });
    const seen: number[] = [];
    let cursor: number | undefined;
    for (;;) {
      const reply = await page(cursor);
      expect(reply.status).toBe(200);
      seen.push(...reply.body.runs.map((r: { id: number }) => r.id));
      if (reply.body.nextCursor === null) break;
      cursor = reply.body.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    const newest = (await page()).body.runs[0];
    expect(newest).toMatchObject({ trigger: "retry", status: "completed", done: true, sent: 0 });
    const oldest = (await page(ids[1])).body.runs[0];
    expect(oldest).toMatchObject({ id: ids[0], trigger: "manual", sent: COMPLETIONS });
  });
});
