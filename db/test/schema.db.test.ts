import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, appUsers, completions, deliveries, integrations, organisations, users } from "../schema";
import { createTestDatabase, type TestDatabase } from "./database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

// SQLSTATEs (PostgreSQL manual, appendix A).
const UNIQUE_VIOLATION = "23505";
const CHECK_VIOLATION = "23514";

/** What PostgreSQL said when it refused a statement (drizzle wraps its error): the SQLSTATE and the constraint. */
async function refusal(statement: Promise<unknown>): Promise<{ code: string; constraint: string }> {
  const error: unknown = await statement.then(
    () => null,
    (e: unknown) => e,
  );
  if (!error) throw new Error("the statement was not refused");
  const pg = ((error as { cause?: unknown }).cause ?? error) as { code?: string; constraint_name?: string };
  return { code: String(pg.code), constraint: String(pg.constraint_name) };
}

describe("database schema", () => {
  it("is migrated, including graphile-worker's schema", async () => {
    const [row] = await t.sql<{ n: number }[]>`
      select count(*)::int as n from information_schema.schemata where schema_name = 'graphile_worker'`;
    expect(row?.n).toBe(1);
  });

  it("keeps one delivery per integration and completion", async () => {
    const [admin] = await t.db
      .insert(appUsers)
      .values({ email: "a@x.test", name: "A", role: "admin", passwordHash: "x" })
      .returning();
    const [org] = await t.db.insert(organisations).values({ name: "HR" }).returning();
    const [user] = await t.db
      .insert(users)
      .values({
        userName: "anne",
        email: "anne@x.test",
        firstName: "Anne",
        lastName: "B",
        organisationId: org!.id,
      })
      .returning();
    const [act] = await t.db.insert(activities).values({ name: "GDPR" }).returning();
    const [c] = await t.db
      .insert(completions)
      .values({ userId: user!.id, activityId: act!.id, completionDate: new Date(), bestCombined: 100 })
      .returning();
    const [i] = await t.db
      .insert(integrations)
      .values({ name: "HR", endpointUrl: "https://hr.test/x", authType: "none", createdBy: admin!.id })
      .returning();
    expect(i?.retrySchedule).toEqual([60, 300, 1800]);
    expect(i?.scheduleCron).toBe("0 2 * * *");
    await t.db.insert(deliveries).values({ integrationId: i!.id, completionId: c!.id });
    expect(
      await refusal(t.db.insert(deliveries).values({ integrationId: i!.id, completionId: c!.id })),
    ).toEqual({
      code: UNIQUE_VIOLATION,
      constraint: "deliveries_integration_completion_uq",
    });
    const rows = await t.db.select().from(deliveries).where(eq(deliveries.integrationId, i!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.state).toBe("pending");
  });

  it("refuses scores outside 0 to 100", async () => {
    const insert = (bestCombined: number, bestScore: number | null) =>
      t.db.execute(sql`insert into completions (user_id, activity_id, completion_date, best_combined, best_score)
        values (1, 1, now(), ${bestCombined}, ${bestScore})`);
    expect(await refusal(insert(101, null))).toEqual({
      code: CHECK_VIOLATION,
      constraint: "completions_best_combined_range",
    });
    expect(await refusal(insert(100, -1))).toEqual({
      code: CHECK_VIOLATION,
      constraint: "completions_best_score_range",
    });
  });
});
