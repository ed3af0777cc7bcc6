import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/db/client";
import { type EmbeddedDb, startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { deliveries, syncLog, syncRuns } from "@/db/schema";
import { freePort } from "@/db/test/free-port";
import { json, type Receiver, startReceiver } from "@/lib/delivery/test-support/servers";
import { runSync } from "./run-sync";
import { seedSyncFixture } from "./test-support/fixture";
import { sleep, waitUntil } from "./test-support/worker-process";

const COMPLETIONS = 500;

// A PostgreSQL of this file's own: the shared one serves the other test files while this one is restarted.
let root: string;
let port: number;
let pg: EmbeddedDb | undefined;
let handle: DbHandle;
let receiver: Receiver;

const startPg = () => startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port });

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "lms-sync-pg-restart-"));
  chmodSync(root, 0o755);
  port = await freePort();
  pg = await startPg();
  await migrateDatabase(pg.url);
  handle = createDb(pg.url, { max: 10 });
  receiver = await startReceiver();
  receiver.setDefault(async (req, res) => {
    await sleep(25);
    json(200, { received: true })(req, res);
  });
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await handle?.close();
  await pg?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
}, 60_000);

describe("PostgreSQL restarting in the middle of a run", () => {
  it("costs a pause, not the run: every completion is delivered once and logged", async () => {
    const { integrationId } = await seedSyncFixture(handle.db, {
      endpointUrl: `${receiver.url}completions`,
      completions: COMPLETIONS,
      integration: { concurrency: 4, failureThreshold: 1_000 },
    });
    const lines: string[] = [];
    let isFinished = false;
    const run = runSync(handle.db, integrationId, "manual", { onLog: (m) => lines.push(m) }).finally(() => {
      isFinished = true;
    });
    run.catch(() => {}); // awaited below; this keeps a rejection during the restart from going unhandled

    await waitUntil(
      () => receiver.requests.length >= 100 || isFinished,
      60_000,
      () => lines.join("\n"),
    );
    expect(isFinished).toBe(false);
    await pg?.stop();
    pg = undefined;
    const sentWhileDown = receiver.requests.length;
    await sleep(2_000);
    pg = await startPg();
    expect(isFinished).toBe(false); // the run waited for the database rather than giving up

    const summary = await run;
    expect(summary).toMatchObject({
      ran: true,
      status: "completed",
      sent: COMPLETIONS,
      succeeded: COMPLETIONS,
    });
    expect(receiver.requests.length).toBeGreaterThan(sentWhileDown);

    const keys = new Set(receiver.requests.map((r) => r.headers["idempotency-key"]));
    expect(receiver.requests).toHaveLength(COMPLETIONS);
    expect(keys.size).toBe(COMPLETIONS);
    const rows = await handle.db.select().from(deliveries).where(eq(deliveries.integrationId, integrationId));
    expect(rows.filter((d) => d.state !== "succeeded" || d.leasedUntil !== null)).toEqual([]);
    const [log] = await handle.db
      .select({
        rows: sql<number>`count(*)::int`,
        deliveries: sql<number>`count(distinct ${syncLog.deliveryId})::int`,
      })
      .from(syncLog)
      .where(eq(syncLog.integrationId, integrationId));
    expect(log).toEqual({ rows: COMPLETIONS, deliveries: COMPLETIONS });
    const [runRow] = await handle.db.select().from(syncRuns).where(eq(syncRuns.integrationId, integrationId));
    expect(runRow).toMatchObject({ status: "completed", sent: COMPLETIONS, succeeded: COMPLETIONS });
  }, 180_000);
});
