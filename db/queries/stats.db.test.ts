import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, truncateAll } from "@/db/test/database";
import { createIntegration } from "@/lib/integrations/create-integration";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { createIntegrationSchema } from "@/lib/integrations/schemas";
import { ensureTestSecretKey } from "@/lib/sync/test-support/fixture";
import { integrations, type LogOutcome, syncLogCounts } from "../schema";
import { countLogOutcomesByDay } from "./stats";
import { insertSyncLogRows, serializeSyncLogRow } from "./sync-log";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  ensureTestSecretKey();
});
afterAll(async () => {
  await t.drop();
});
beforeEach(async () => {
  await truncateAll(t);
});

async function integration(name: string) {
  const input = createIntegrationSchema.parse({
    name,
    endpointUrl: "https://hr.example.com/in",
    authType: "api_key",
    secrets: { apiKey: "k" },
  });
  return (await createIntegration(t.db, input, null)).id;
}

async function log(integrationId: string, at: string, outcome: LogOutcome, times = 1) {
  const row = {
    integrationId,
    createdAt: new Date(at),
    durationMs: 10,
    attempt: 1,
    requestUrl: "https://hr.example.com/in",
    requestHeaders: {},
    requestBody: "{}",
    status: outcome === "success" ? 200 : 500,
    outcome,
    mappingVersion: 1,
  };
  const serialized = serializeSyncLogRow(row);
  await insertSyncLogRows(
    t.db,
    Array.from({ length: times }, () => serialized),
  );
}

describe("countLogOutcomesByDay", () => {
  it("counts attempts per integration, UTC day and outcome over the window", async () => {
    const a = await integration("A");
    const b = await integration("B");
    await log(a, "2026-04-14T00:30:00Z", "success", 3);
    await log(a, "2026-04-14T23:59:00Z", "failure", 2);
    await log(a, "2026-04-14T22:00:00Z", "interrupted"); // a failure of unknown result
    // 23:30 on the 13th in UTC, although it is already the 14th in Copenhagen.
    await log(a, "2026-04-13T23:30:00+00:00", "success");
    await log(b, "2026-04-12T10:00:00Z", "failure");
    await log(b, "2026-03-01T10:00:00Z", "failure");

    const utc = { days: 14, now: new Date("2026-04-14T12:00:00Z"), timeZone: "UTC" };
    const counts = await countLogOutcomesByDay(t.db, utc);
    const sorted = [...counts].sort((x, y) =>
      `${x.integrationId}${x.day}${x.outcome}`.localeCompare(`${y.integrationId}${y.day}${y.outcome}`),
    );
    expect(sorted).toEqual(
      [
        { integrationId: a, day: "2026-04-13", outcome: "success", count: 1 },
        { integrationId: a, day: "2026-04-14", outcome: "failure", count: 3 },
        { integrationId: a, day: "2026-04-14", outcome: "success", count: 3 },
        { integrationId: b, day: "2026-04-12", outcome: "failure", count: 1 },
      ].sort((x, y) =>
        `${x.integrationId}${x.day}${x.outcome}`.localeCompare(`${y.integrationId}${y.day}${y.outcome}`),
      ),
    );
    expect(await countLogOutcomesByDay(t.db, utc, [b])).toEqual([
      { integrationId: b, day: "2026-04-12", outcome: "failure", count: 1 },
    ]);
    expect(await countLogOutcomesByDay(t.db, utc, [])).toEqual([]);
  });

  it("puts each attempt on the viewer's calendar day, across a change of the clocks", async () => {
    const a = await integration("A");
    // 23:30 UTC on 4 April is 09:30 on the 5th in Sydney, where summer time ended at 03:00 that morning.
    await log(a, "2026-04-04T23:30:00Z", "success");
    // 13:30 UTC on 5 April is 23:30 on the 5th in Sydney (UTC+10 since the change).
    await log(a, "2026-04-05T13:30:00Z", "failure");
    // 12:59 UTC on 1 April is 23:59 on the 1st in Sydney (UTC+11): the day before a 4-day window starts.
    await log(a, "2026-04-01T12:59:00Z", "failure");
    await log(a, "2026-04-01T13:01:00Z", "success"); // 00:01 on the 2nd: the first minute of the window
    const window = { days: 4, now: new Date("2026-04-05T13:45:00Z"), timeZone: "Australia/Sydney" };
    const counts = await countLogOutcomesByDay(t.db, window);
    expect(counts.sort((x, y) => `${x.day}${x.outcome}`.localeCompare(`${y.day}${y.outcome}`))).toEqual([
      { integrationId: a, day: "2026-04-02", outcome: "success", count: 1 },
      { integrationId: a, day: "2026-04-05", outcome: "failure", count: 1 },
      { integrationId: a, day: "2026-04-05", outcome: "success", count: 1 },
    ]);
  });
});

describe("the counts behind the chart", () => {
  it("follow every insert into the log, in quarter hours, and go with their integration", async () => {
    const a = await integration("A");
    await log(a, "2026-04-14T10:00:00Z", "success", 2);
    await log(a, "2026-04-14T10:14:59Z", "success"); // same quarter hour, another statement
    await log(a, "2026-04-14T10:15:00Z", "failure");
    const buckets = await t.db.select().from(syncLogCounts).orderBy(syncLogCounts.bucket);
    expect(buckets.map((b) => [b.bucket.toISOString(), b.outcome, b.count])).toEqual([
      ["2026-04-14T10:00:00.000Z", "success", 3],
      ["2026-04-14T10:15:00.000Z", "failure", 1],
    ]);
    // Kathmandu is UTC+5:45: 10:00-10:15 UTC is 15:45-16:00 there, still the same day.
    const window = { days: 1, now: new Date("2026-04-14T12:00:00Z"), timeZone: "Asia/Kathmandu" };
    expect(await countLogOutcomesByDay(t.db, window)).toHaveLength(2);
    await t.db.delete(integrations).where(eq(integrations.id, a));
    expect(await t.db.select().from(syncLogCounts)).toEqual([]);
  });
});

describe("listIntegrations", () => {
  it("gives every integration a 30-day series ending today, zero-filled", async () => {
    const a = await integration("A");
    const quiet = await integration("Quiet");
    await log(a, "2026-04-14T08:00:00Z", "success", 4);
    await log(a, "2026-04-02T08:00:00Z", "failure");
    await log(a, "2026-03-10T08:00:00Z", "failure"); // before the window

    const list = await listIntegrations(t.db, "UTC", new Date("2026-04-14T12:00:00Z"));
    const withLog = list.find((i) => i.id === a)!;
    expect(withLog.stats.daily).toHaveLength(30);
    expect(withLog.stats.daily.at(-1)).toEqual({ day: "2026-04-14", success: 4, failure: 0 });
    expect(withLog.stats.daily.find((d) => d.day === "2026-04-02")).toEqual({
      day: "2026-04-02",
      success: 0,
      failure: 1,
    });
    expect(withLog.stats.daily.reduce((n, d) => n + d.failure, 0)).toBe(1);
    const silent = list.find((i) => i.id === quiet)!;
    expect(silent.stats.daily.every((d) => d.success === 0 && d.failure === 0)).toBe(true);
  });
});
