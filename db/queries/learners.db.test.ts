import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { activities, completions, users } from "../schema";
import { findLearner, searchLearners } from "./learners";

let t: TestDatabase;

// Learners and when each last completed something (minutes ago); Zoe never did.
const LEARNERS = [
  { userName: "anna.berg", first: "Anna", last: "Berg", minutesAgo: [5, 500] },
  { userName: "anna.lund", first: "Anna", last: "Lund", minutesAgo: [50] },
  { userName: "annabel", first: "Annabel", last: "Holm", minutesAgo: [3000] },
  { userName: "jonas", first: "Jonas", last: "Anna", minutesAgo: [1] },
  { userName: "peter", first: "Peter", last: "Dahl", minutesAgo: [10_000] },
  { userName: "ann", first: "Ann", last: "Ek", minutesAgo: [20_000] },
  { userName: "zoe", first: "Zoe", last: "Kim", minutesAgo: [] },
];

beforeAll(async () => {
  t = await createTestDatabase();
  const [course] = await t.db.insert(activities).values({ name: "Fire safety" }).returning();
  for (const l of LEARNERS) {
    const [u] = await t.db
      .insert(users)
      .values({
        userName: l.userName,
        email: `${l.userName}@company.com`,
        firstName: l.first,
        lastName: l.last,
      })
      .returning();
    for (const m of l.minutesAgo) {
      const at = new Date(Date.now() - m * 60_000);
      await t.db.insert(completions).values({
        userId: u!.id,
        activityId: course!.id,
        completionDate: at,
        recordedAt: at,
        bestCombined: 100,
      });
    }
  }
});
afterAll(async () => {
  await t.drop();
});

const names = (rows: { userName: string }[]) => rows.map((r) => r.userName);

describe("searchLearners", () => {
  it("lists the most recently active first, in the user name, e-mail or full name", async () => {
    expect(names(await searchLearners(t.db, "anna", 10))).toEqual([
      "jonas",
      "anna.berg",
      "anna.lund",
      "annabel",
    ]);
    expect(names(await searchLearners(t.db, "", 3))).toEqual(["jonas", "anna.berg", "anna.lund"]);
    expect(names(await searchLearners(t.db, "ANNA LUND", 10))).toEqual(["anna.lund"]);
    expect(names(await searchLearners(t.db, "@COMPANY.com", 10))).toHaveLength(7);
  });

  it("gives the same answer whether the latest completions hold enough matches or every learner is searched", async () => {
    // With only the 2 latest completions as "recent", most answers come from searching every learner.
    for (const q of ["anna", "", "an", "ann", "zoe", "peter", "berg"]) {
      for (const limit of [1, 2, 3, 10]) {
        expect(names(await searchLearners(t.db, q, limit, 2))).toEqual(
          names(await searchLearners(t.db, q, limit)),
        );
      }
    }
    // A learner who never completed anything comes last, and is still found by name.
    expect(names(await searchLearners(t.db, "", 10, 2)).at(-1)).toBe("zoe");
    expect(names(await searchLearners(t.db, "kim", 10, 2))).toEqual(["zoe"]);
  });

  it("puts an exact user name or e-mail first, however long ago that learner was active", async () => {
    const ann = ["ann", "jonas", "anna.berg", "anna.lund", "annabel"];
    expect(names(await searchLearners(t.db, "ann", 10))).toEqual(ann);
    expect(names(await searchLearners(t.db, "ANN", 2, 2))).toEqual(ann.slice(0, 2));
    expect(names(await searchLearners(t.db, "ann@company.com", 10, 1))).toEqual(["ann"]);
    expect(names(await searchLearners(t.db, "annabel", 10, 2))).toEqual(["annabel"]);
    expect(names(await searchLearners(t.db, "Anna.Lund@Company.com", 10, 1))).toEqual(["anna.lund"]);
    // "anna.lund" is less recent than "anna.berg" but matches exactly.
    expect(names(await searchLearners(t.db, "anna.lund", 10, 1))).toEqual(["anna.lund"]);
    expect(names(await searchLearners(t.db, "peter", 2, 1))).toEqual(["peter"]);
  });

  it("takes % and _ literally", async () => {
    expect(await searchLearners(t.db, "%", 10)).toEqual([]);
    expect(await searchLearners(t.db, "_", 10)).toEqual([]);
  });

  it("finds one learner by user name or e-mail, ignoring case, with their completion count", async () => {
    expect(await findLearner(t.db, "ANNA.BERG")).toMatchObject({ userName: "anna.berg", completionCount: 2 });
    expect(await findLearner(t.db, "jonas@company.com")).toMatchObject({ userName: "jonas" });
    expect(await findLearner(t.db, "anna")).toBeUndefined();
  });
});
