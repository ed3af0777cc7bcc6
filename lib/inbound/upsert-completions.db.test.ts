import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { storeItems } from "./store-items";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.execute(sql`insert into activities (name) values ('GDPR introduction')`);
  await t.db.execute(sql`
    insert into users (user_name, email, first_name, last_name) values ('anne', 'anne@company.com', 'Anne', 'H')`);
});
afterAll(() => t.drop());

const item = (bestScore: number, date = "2026-04-11T14:32:00Z") => ({
  userName: "anne",
  activityName: "GDPR introduction",
  completionDate: date,
  bestCombined: 100,
  bestScore,
});
const store = (items: unknown[]) => t.db.transaction((tx) => storeItems(tx, "completions", items, false));

describe("a batch of completions, stored in one statement", () => {
  it("keeps the order of a key repeated in one batch: created, unchanged, then updated to the last score", async () => {
    const results = await store([item(80), item(80), item(95), { ...item(1), userName: "nobody" }]);
    expect(results.map((r) => (r.ok ? r.action : "refused"))).toEqual([
      "created",
      "unchanged",
      "updated",
      "refused",
    ]);
    const rows = await t.sql<{ best_score: number; revision: number }[]>`
      select best_score, revision from completions`;
    expect(rows).toEqual([{ best_score: 95, revision: 2 }]);
  });

  it("answers a batch sent again as unchanged, without a new revision", async () => {
    const results = await store([item(95), item(70, "2026-05-01T08:00:00Z")]);
    expect(results.map((r) => r.ok && r.action)).toEqual(["unchanged", "created"]);
    const [row] = await t.sql<{ revision: number }[]>`
      select revision from completions where completion_date = '2026-04-11T14:32:00Z'`;
    expect(row!.revision).toBe(2);
  });
});
