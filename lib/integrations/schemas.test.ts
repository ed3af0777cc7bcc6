import { describe, expect, it } from "vitest";
import { createIntegrationSchema, listIntegrationsQuerySchema, updateIntegrationSchema } from "./schemas";

const MINIMAL = { name: "HR", endpointUrl: "https://hr.example.com/in", authType: "none" };

/** The issues of a failed parse as `path: code`, or "ok". */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; code: string }[] } }) {
  return result.success ? "ok" : result.error!.issues.map((i) => `${i.path.join(".")}: ${i.code}`);
}

describe("sendFrom (a point in time: lib/api/point-in-time.test.ts)", () => {
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
