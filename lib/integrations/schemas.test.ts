import { describe, expect, it } from "vitest";
import {
  createIntegrationSchema,
  listIntegrationsQuerySchema,
  pointInTimeSchema,
  updateIntegrationSchema,
} from "./schemas";

const MINIMAL = { name: "HR", endpointUrl: "https://hr.example.com/in", authType: "none" };

/** The issues of a failed parse as `path: code`, or "ok". */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; code: string }[] } }) {
  return result.success ? "ok" : result.error!.issues.map((i) => `${i.path.join(".")}: ${i.code}`);
}

describe("a point in time (sendFrom, backfill's since)", () => {
  it.each([
    ["2026-04-01", "2026-04-01T00:00:00.000Z"],
    ["2026-04-01T08:00:00Z", "2026-04-01T08:00:00.000Z"],
    ["2026-04-01T08:00Z", "2026-04-01T08:00:00.000Z"],
    ["2026-04-01T08:00:00.123+02:00", "2026-04-01T06:00:00.123Z"],
    ["1970-01-01", "1970-01-01T00:00:00.000Z"],
    ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000Z"],
  ])("takes %s", (text, iso) => {
    expect(pointInTimeSchema.parse(text).toISOString()).toBe(iso);
  });

  it("takes a Date from a caller in the same process", () => {
    expect(pointInTimeSchema.parse(new Date("2026-01-02T03:04:05Z")).toISOString()).toBe(
      "2026-01-02T03:04:05.000Z",
    );
  });

  // null, true and 0 were coerced to 1970-01-01 (every completion sent again); years PostgreSQL cannot store were a 500.
  it.each([
    null,
    true,
    false,
    0,
    1_700_000_000_000,
    "",
    "yesterday",
    "2026-04-01T08:00:00",
    "2026-02-30",
    "+275760-09-13",
    "0000-01-01",
    "1969-12-31T23:59:59Z",
    "+010000-01-01T00:00:00Z",
    new Date(Number.NaN),
    new Date("0001-01-01T00:00:00Z"),
  ])("refuses %o", (value) => {
    const r = pointInTimeSchema.safeParse(value);
    expect(r.success).toBe(false);
  });

  it("is a positioned issue in a PATCH and in a create", () => {
    for (const sendFrom of [null, true, 0, "0000-01-01", "+275760-09-13"]) {
      expect(issues(updateIntegrationSchema.safeParse({ sendFrom })), String(sendFrom)).toEqual([
        expect.stringMatching(/^sendFrom: /),
      ]);
      expect(issues(createIntegrationSchema.safeParse({ ...MINIMAL, sendFrom }))).toEqual([
        expect.stringMatching(/^sendFrom: /),
      ]);
    }
    const year0 = updateIntegrationSchema.safeParse({ sendFrom: "0000-01-01" });
    expect(year0.error?.issues[0]?.message).toBe("Use a date between 1970 and 9999");
  });
});

describe("the settings version of a PATCH", () => {
  it("stays within PostgreSQL's integer (a larger one was a 500 in the conflict query)", () => {
    expect(issues(updateIntegrationSchema.safeParse({ name: "x", version: 2_147_483_647 }))).toBe("ok");
    expect(issues(updateIntegrationSchema.safeParse({ name: "x", version: 2_147_483_648 }))).toEqual([
      "version: too_big",
    ]);
    expect(issues(updateIntegrationSchema.safeParse({ name: "x", version: 1e300 }))).toContain(
      "version: too_big",
    );
  });
});

describe("creating an integration", () => {
  it("refuses a key it does not know, naming it, as a PATCH does", () => {
    const r = createIntegrationSchema.safeParse({ ...MINIMAL, timeout: 45_000 });
    expect(issues(r)).toEqual([": unrecognized_keys"]);
    expect(r.error?.issues[0]).toMatchObject({ keys: ["timeout"] });
    expect(issues(createIntegrationSchema.safeParse({ ...MINIMAL, timeoutMs: 45_000 }))).toBe("ok");
  });
});

describe("time zones", () => {
  // Intl still resolves names the time zone database dropped; PostgreSQL does not know them (a 500 in the chart).
  it.each([
    ["US/Pacific-New", "America/Los_Angeles"],
    ["Canada/East-Saskatchewan", "America/Regina"],
    ["US/Eastern", "America/New_York"],
    ["Etc/UTC", "UTC"],
    ["utc", "UTC"],
    ["europe/copenhagen", "Europe/Copenhagen"],
    ["Europe/Copenhagen", "Europe/Copenhagen"],
  ])("takes %s as %s", (zone, canonical) => {
    expect(listIntegrationsQuerySchema.parse({ tz: zone }).tz).toBe(canonical);
    expect(updateIntegrationSchema.parse({ scheduleTimeZone: zone }).scheduleTimeZone).toBe(canonical);
  });

  it.each(["SystemV/EST5", "Mars/Olympus_Mons", ""])("refuses %o at its field", (zone) => {
    expect(issues(listIntegrationsQuerySchema.safeParse({ tz: zone }))).toEqual(["tz: custom"]);
    expect(issues(updateIntegrationSchema.safeParse({ scheduleTimeZone: zone }))).toEqual([
      "scheduleTimeZone: custom",
    ]);
  });
});
