import { describe, expect, it } from "vitest";
import { checkCron, nextRunAfter, nextRuns } from "./cron";
import { describeSchedule } from "./describe";

describe("schedules", () => {
  it("accepts five-field expressions and rejects the rest with a reason", () => {
    expect(checkCron("0 2 * * *", "Europe/Copenhagen")).toEqual({ ok: true });
    expect(checkCron("0 2 * *")).toMatchObject({ ok: false, error: expect.stringMatching(/five fields/) });
    expect(checkCron("61 2 * * *").ok).toBe(false);
    expect(checkCron("0 2 * * *", "Mars/Olympus")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/time zone/),
    });
  });

  it("computes fire times in the schedule's time zone, daylight saving included", () => {
    // 02:00 in Copenhagen is 00:00 UTC in summer (CEST) and 01:00 UTC in winter (CET).
    const summer = nextRunAfter("0 2 * * *", "Europe/Copenhagen", new Date("2026-07-01T12:00:00Z"));
    expect(summer?.toISOString()).toBe("2026-07-02T00:00:00.000Z");
    const winter = nextRunAfter("0 2 * * *", "Europe/Copenhagen", new Date("2026-12-01T12:00:00Z"));
    expect(winter?.toISOString()).toBe("2026-12-02T01:00:00.000Z");
    expect(
      nextRuns("*/15 * * * *", "UTC", 3, new Date("2026-01-01T00:01:00Z")).map((d) => d.toISOString()),
    ).toEqual(["2026-01-01T00:15:00.000Z", "2026-01-01T00:30:00.000Z", "2026-01-01T00:45:00.000Z"]);
  });

  it("describes schedules in words", () => {
    expect(describeSchedule("0 2 * * *", "Europe/Copenhagen")).toBe("every day at 02:00 Europe/Copenhagen");
    expect(describeSchedule("*/5 * * * *", "UTC")).toMatch(/every 5 minutes UTC/i);
  });
});

describe("latest fire", () => {
  it("finds the last fire since a time, counting one exactly at now, and none before the first", async () => {
    const { latestFireBetween } = await import("./cron");
    const after = new Date("2026-03-01T10:01:00Z");
    expect(latestFireBetween("*/5 * * * *", "UTC", after, new Date("2026-03-01T10:04:59Z"))).toBeNull();
    expect(
      latestFireBetween("*/5 * * * *", "UTC", after, new Date("2026-03-01T10:05:00Z"))?.toISOString(),
    ).toBe("2026-03-01T10:05:00.000Z");
    expect(
      latestFireBetween("*/5 * * * *", "UTC", after, new Date("2026-03-01T10:23:00Z"))?.toISOString(),
    ).toBe("2026-03-01T10:20:00.000Z");
    expect(
      latestFireBetween(
        "0 2 * * *",
        "UTC",
        new Date("2020-01-01T00:00:00Z"),
        new Date("2026-03-01T10:00:00Z"),
      )?.toISOString(),
    ).toBe("2026-03-01T02:00:00.000Z");
  });
});
