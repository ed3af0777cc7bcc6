import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { canonicalTimeZone, checkCron } from "./cron";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

/** The zones PostgreSQL refuses in `at time zone`, of those given. */
async function unknownToPostgres(zones: string[]): Promise<string[]> {
  const rows = await t.sql<{ zone: string; known: boolean }[]>`
    select zone, exists (select 1 from pg_timezone_names where name = zone) as known
    from unnest(${zones}::text[]) as zone`;
  return rows.filter((r) => !r.known).map((r) => r.zone);
}

describe("canonicalTimeZone: only zones PostgreSQL knows", () => {
  it("every name it can answer (Intl's canonical zones, UTC, the Etc/GMT offsets) is one PostgreSQL knows", async () => {
    const offsets = Array.from({ length: 27 }, (_, i) => i - 14)
      .filter((h) => h !== 0)
      .map((h) => `Etc/GMT${h < 0 ? "-" : "+"}${Math.abs(h)}`);
    const zones = [...Intl.supportedValuesOf("timeZone"), "UTC", ...offsets];
    expect(zones.length).toBeGreaterThan(300);
    expect(zones.filter((z) => canonicalTimeZone(z) !== z)).toEqual([]);
    expect(await unknownToPostgres(zones)).toEqual([]);
    expect(canonicalTimeZone("Etc/GMT+13")).toBeNull();
  });

  it("keeps a current Area/Location name as typed, where ICU would give an older one", async () => {
    const current = ["Asia/Kolkata", "Europe/Kyiv", "America/Nuuk", "Asia/Kathmandu", "Asia/Ho_Chi_Minh"];
    expect(current.map(canonicalTimeZone)).toEqual(current);
    expect(await unknownToPostgres(current)).toEqual([]);
  });

  // Intl resolves these; the time zone database dropped them, and PostgreSQL with it (`?tz=` of them was a 500).
  it.each([
    ["US/Pacific-New", "America/Los_Angeles"],
    ["Canada/East-Saskatchewan", "America/Regina"],
    ["SystemV/EST5", null],
    ["Etc/UTC", "UTC"],
    ["Mars/Olympus_Mons", null],
  ])("%s is %s", async (alias, canonical) => {
    expect(canonicalTimeZone(alias)).toBe(canonical);
    if (canonical) {
      expect(await unknownToPostgres([canonical])).toEqual([]);
      expect(checkCron("0 2 * * *", canonical)).toEqual({ ok: true });
    }
  });

  it("the aliases themselves are what PostgreSQL refused", async () => {
    expect(await unknownToPostgres(["US/Pacific-New", "Canada/East-Saskatchewan", "SystemV/EST5"])).toEqual([
      "US/Pacific-New",
      "Canada/East-Saskatchewan",
      "SystemV/EST5",
    ]);
  });
});
