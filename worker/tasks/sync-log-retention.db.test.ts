import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deleteSyncLogBefore, insertSyncLogRows, serializeSyncLogRow } from "@/db/queries/sync-log";
import { inboundLog, inboundSources, integrations, syncLog, syncLogCounts } from "@/db/schema";
import { createTestDatabase, type TestDatabase, truncateAll } from "@/db/test/database";
import { resetSettingsCache } from "@/lib/settings";
import { syncLogRetention } from "./sync-log-retention";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the task uses the process-wide pool
});
beforeEach(async () => {
  await truncateAll(t);
});
afterAll(async () => {
  delete process.env.SYNC_LOG_RETENTION_DAYS;
  resetSettingsCache();
  await t.drop();
});

const DAY_MS = 86_400_000;

async function integration(name: string): Promise<string> {
  const [row] = await t.db
    .insert(integrations)
    .values({ name, endpointUrl: "https://hr.example.com/in", authType: "none" })
    .returning();
  return row!.id;
}

/** A successful attempt's log row of one integration, made at `createdAt`. */
const rowAt = (integrationId: string, createdAt: Date) =>
  serializeSyncLogRow({
    integrationId,
    createdAt,
    durationMs: 5,
    attempt: 1,
    requestUrl: "https://hr.example.com/in",
    requestHeaders: {},
    requestBody: "{}",
    status: 200,
    outcome: "success",
    mappingVersion: 1,
  });

/** `count` log rows of one integration, `daysAgo` days old. */
async function logRows(integrationId: string, daysAgo: number, count: number) {
  const row = rowAt(integrationId, new Date(Date.now() - daysAgo * DAY_MS));
  await insertSyncLogRows(
    t.db,
    Array.from({ length: count }, () => row),
  );
}

const ages = async () =>
  (await t.db.select({ createdAt: syncLog.createdAt }).from(syncLog)).map((r) =>
    Math.round((Date.now() - r.createdAt.getTime()) / DAY_MS),
  );
const countBuckets = async () => (await t.db.select().from(syncLogCounts)).length;

describe("sync log retention", () => {
  it("deletes every integration's rows from before the cutoff, in batches, and their chart counts", async () => {
    const a = await integration("A");
    const b = await integration("B");
    await logRows(a, 100, 5);
    await logRows(a, 10, 2);
    await logRows(b, 200, 3);
    await logRows(b, 1, 1);
    expect(await countBuckets()).toBe(4);
    expect(await deleteSyncLogBefore(t.db, new Date(Date.now() - 30 * DAY_MS), 2)).toBe(8);
    expect((await ages()).sort((x, y) => x - y)).toEqual([1, 10, 10]);
    expect(await countBuckets()).toBe(2);
  });

  it("cuts at the quarter hour the cutoff falls in, so the counts still add up to the rows kept", async () => {
    const a = await integration("A");
    const base = Date.UTC(2026, 3, 1, 14, 0); // 14:00, a quarter hour's start
    await insertSyncLogRows(
      t.db,
      [2, 7, 12, 16].map((minute) => rowAt(a, new Date(base + minute * 60_000))),
    );
    // A cutoff at 14:10 falls inside 14:00–14:15: that quarter hour is kept whole, rows and count.
    expect(await deleteSyncLogBefore(t.db, new Date(base + 10 * 60_000))).toBe(0);
    const counted = async () =>
      (await t.db.select({ count: syncLogCounts.count }).from(syncLogCounts)).reduce(
        (n, r) => n + r.count,
        0,
      );
    expect(await counted()).toBe(4);
    expect(await deleteSyncLogBefore(t.db, new Date(base + 15 * 60_000))).toBe(3);
    expect(await counted()).toBe(1);
    expect(await t.db.select().from(syncLog)).toHaveLength(1);
  });

  it("runs nightly from the worker with SYNC_LOG_RETENTION_DAYS, and keeps everything when it is 0", async () => {
    const a = await integration("A");
    await logRows(a, 400, 2);
    await logRows(a, 40, 2);
    const helpers = {} as JobHelpers;

    process.env.SYNC_LOG_RETENTION_DAYS = "0";
    resetSettingsCache();
    await syncLogRetention({}, helpers);
    expect(await ages()).toHaveLength(4);

    process.env.SYNC_LOG_RETENTION_DAYS = "365";
    resetSettingsCache();
    await syncLogRetention({}, helpers);
    expect(await ages()).toEqual([40, 40]);
  });

  it("keeps the inbound log for the same days (refused requests' bodies would otherwise pile up)", async () => {
    const [source] = await t.db
      .insert(inboundSources)
      .values({ name: "HR feed", kinds: ["users"], secrets: [] })
      .returning();
    await t.db.insert(inboundLog).values(
      [400, 40, 1].map((daysAgo) => ({
        sourceId: source!.id,
        receivedAt: new Date(Date.now() - daysAgo * DAY_MS),
        outcome: "refused" as const,
        status: 401,
        verifiedBy: "none" as const,
        body: "x".repeat(1000),
      })),
    );
    process.env.SYNC_LOG_RETENTION_DAYS = "30";
    resetSettingsCache();
    await syncLogRetention({}, {} as JobHelpers);
    const kept = await t.db.select({ at: inboundLog.receivedAt }).from(inboundLog);
    expect(kept.map((r) => Math.round((Date.now() - r.at.getTime()) / DAY_MS))).toEqual([1]);
  });
});
