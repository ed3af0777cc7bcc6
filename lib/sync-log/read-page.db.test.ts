import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertSyncLogRows, serializeSyncLogRow } from "@/db/queries/sync-log";
import { logPageKeysQuery } from "@/db/queries/sync-log-keys";
import type { LogFilterValues } from "@/db/queries/sync-log-read";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { TEXT_SEARCH_SPAN } from "./model";
import { readLogPage, withLearnerIds } from "./read-page";
import { FIXTURE_TEXT, type FixtureRow, fixtureRows, seedLogFixture } from "./test-support/log-fixture";

let t: TestDatabase;
let integrationId: string;
let all: FixtureRow[];
const ROWS = 14_000;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ integrationId, rows: all } = await seedLogFixture(t.db, { rows: ROWS, learners: 400 }));
}, 120_000);
afterAll(async () => {
  await t.drop();
});

/** Every entry the API gives for `f`, page after page until nextCursor is null. */
async function readAll(f: LogFilterValues, limit = 500) {
  const ids: number[] = [];
  let cursor: number | undefined;
  let pages = 0;
  for (;;) {
    const page = await readLogPage(t.db, integrationId, f, limit, cursor);
    ids.push(...page.entries.map((e) => e.id));
    pages += 1;
    if (page.nextCursor === null) return { ids, pages };
    cursor = page.nextCursor;
  }
}

const day = 86_400_000;
const from = new Date(Date.now() - 100 * day + 1_234_567);
const to = new Date(from.getTime() + day);
const has = (text: string, part: string) => text.toLowerCase().includes(part.toLowerCase());

describe("the sync log's filters", () => {
  const cases: [string, LogFilterValues, (r: FixtureRow) => boolean][] = [
    ["no filter", {}, () => true],
    ["failure (interrupted included)", { outcome: "failure" }, (r) => r.outcome !== "success"],
    ["interrupted", { outcome: "interrupted" }, (r) => r.outcome === "interrupted"],
    ["status 503", { status: 503 }, (r) => r.status === 503],
    [
      "a learner's e-mail",
      { user: "zoë.müller42@company.com" },
      (r) => r.email === "zoë.müller42@company.com",
    ],
    ["part of a learner's name", { user: "zoë mül" }, (r) => has(r.fullName, "zoë mül")],
    ["a user name in many learners", { user: "learner1" }, (r) => has(r.userName, "learner1")],
    ["one day, 100 days back", { from, to }, (r) => r.createdAt >= from && r.createdAt <= to],
    ["text in some rows", { q: FIXTURE_TEXT }, (r) => has(r.text, FIXTURE_TEXT)],
    ["text in none", { q: "no-such-text" }, () => false],
    ["text in the request", { q: '"E1234"' }, (r) => has(r.text, '"E1234"')],
    [
      "failures of a learner name in a window",
      { user: "anne", outcome: "failure", from: new Date(Date.now() - 90 * day) },
      (r) =>
        has(r.fullName, "anne") && r.outcome !== "success" && r.createdAt >= new Date(Date.now() - 90 * day),
    ],
  ];
  for (const [name, f, match] of cases) {
    it(`${name}: every matching entry once, newest first`, async () => {
      const expected = all.filter(match).map((r) => r.id);
      const { ids } = await readAll(f);
      expect(ids).toEqual(expected);
    });
  }

  it("a text search reads a bounded span per page, says where it stopped, and continues from there", async () => {
    const first = await readLogPage(t.db, integrationId, { q: "no-such-text" }, 50);
    expect(first.entries).toEqual([]);
    expect(first.searchedBackTo?.getTime()).toBe(all[TEXT_SEARCH_SPAN - 1]!.createdAt.getTime());
    expect(first.nextCursor).toBe(all[TEXT_SEARCH_SPAN - 1]!.id);
    const second = await readLogPage(t.db, integrationId, { q: "no-such-text" }, 50, first.nextCursor!);
    expect(second).toMatchObject({ entries: [], nextCursor: null, searchedBackTo: null });
  });
});

/** The relations a plan reads with a sequential scan. */
async function seqScans(db: Db, f: LogFilterValues): Promise<string[]> {
  const [row] = await db.execute<{ "QUERY PLAN": unknown }>(
    sql`explain (format json) ${logPageKeysQuery(db, integrationId, await withLearnerIds(db, f), 50)}`,
  );
  const raw = row!["QUERY PLAN"];
  const found: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    if (node["Node Type"] === "Seq Scan") found.push(String(node["Relation Name"]));
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((typeof raw === "string" ? JSON.parse(raw) : raw)[0].Plan);
  return found;
}

describe("the indexes the filters use (statistics analysed, no planner settings)", () => {
  it("a time window and a learner read sync_log through an index", async () => {
    expect(await seqScans(t.db, { from, to })).not.toContain("sync_log");
    expect(await seqScans(t.db, { user: "zoë.müller42@company.com" })).not.toContain("sync_log");
    expect(await seqScans(t.db, { user: "zoë mül" })).not.toContain("sync_log");
    expect(await seqScans(t.db, {})).not.toContain("sync_log");
  });
});

describe("counts", () => {
  it("are exact from the quarter-hour counts for time and outcome, edges included, and say about beyond the limit", async () => {
    const window = { from, to: new Date(from.getTime() + 10 * day) };
    const inWindow = all.filter((r) => r.createdAt >= window.from && r.createdAt <= window.to);
    expect((await readLogPage(t.db, integrationId, {}, 10)).total).toEqual({
      count: ROWS,
      isEstimate: false,
    });
    expect((await readLogPage(t.db, integrationId, window, 10)).total).toEqual({
      count: inWindow.length,
      isEstimate: false,
    });
    const failures = inWindow.filter((r) => r.outcome !== "success").length;
    expect((await readLogPage(t.db, integrationId, { ...window, outcome: "failure" }, 10)).total).toEqual({
      count: failures,
      isEstimate: false,
    });
    const learner = all.filter((r) => has(r.fullName, "zoë mül")).length;
    expect((await readLogPage(t.db, integrationId, { user: "zoë mül" }, 10)).total).toEqual({
      count: learner,
      isEstimate: false,
    });
    const learnerFailures = all.filter((r) => has(r.fullName, "zoë mül") && r.outcome !== "success").length;
    expect(learnerFailures).toBeGreaterThan(0);
    expect(
      (await readLogPage(t.db, integrationId, { user: "zoë mül", outcome: "failure" }, 10)).total,
    ).toEqual({
      count: learnerFailures,
      isEstimate: false,
    });
    expect((await readLogPage(t.db, integrationId, { user: "zoë mül", status: 418 }, 10)).total).toEqual({
      count: 0,
      isEstimate: false,
    });
    // Every learner: more than 10,000 entries, estimated.
    const many = (await readLogPage(t.db, integrationId, { user: "@company.com" }, 10)).total!;
    expect(many.isEstimate).toBe(true);
    expect(many.count).toBeGreaterThan(10_000);
    expect((await readLogPage(t.db, integrationId, { q: FIXTURE_TEXT }, 10)).total).toBeNull();
    expect((await readLogPage(t.db, integrationId, {}, 10, all[5]!.id)).total).toBeNull();
  });
});

describe("paging while entries arrive", () => {
  it("gives every entry that was there once, none twice, whatever is logged between pages", async () => {
    const before = await fixtureRows(t.db, integrationId);
    const seen: number[] = [];
    let cursor: number | undefined;
    let arrived = 0;
    for (;;) {
      const page = await readLogPage(t.db, integrationId, {}, 700, cursor);
      seen.push(...page.entries.map((e) => e.id));
      // New attempts arrive: now, and one logged late with an old time (an interrupted attempt found by recovery).
      const late = before[Math.min(before.length - 1, seen.length + 300)]!.createdAt;
      await insertSyncLogRows(
        t.db,
        [new Date(), late].map((createdAt) =>
          serializeSyncLogRow({
            integrationId,
            createdAt,
            durationMs: 1,
            attempt: 1,
            requestUrl: "https://hr.example.com/in",
            requestHeaders: {},
            requestBody: "{}",
            outcome: "interrupted",
            mappingVersion: 1,
          }),
        ),
      );
      arrived += 2;
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const original = new Set(before.map((r) => r.id));
    expect(seen.filter((id) => original.has(id))).toEqual(before.map((r) => r.id));
    expect(arrived).toBeGreaterThan(10);
  });
});
