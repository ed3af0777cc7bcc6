import { describe, expect, it } from "vitest";
import { buildDailySeries, localDay, seriesDays, sumSeries } from "./daily-series";

const today = new Date("2026-04-14T18:30:00Z");

describe("buildDailySeries", () => {
  it("covers the last 30 UTC days, oldest first, with zeros where nothing happened", () => {
    const series = buildDailySeries([], 30, today);
    expect(series).toHaveLength(30);
    expect(series[0]).toEqual({ day: "2026-03-16", success: 0, failure: 0 });
    expect(series[29]).toEqual({ day: "2026-04-14", success: 0, failure: 0 });
  });

  it("places each count on its day and outcome and adds up repeats", () => {
    const series = buildDailySeries(
      [
        { day: "2026-04-14", outcome: "success", count: 5 },
        { day: "2026-04-14", outcome: "failure", count: 2 },
        { day: "2026-04-10", outcome: "failure", count: 1 },
        { day: "2026-04-10", outcome: "failure", count: 3 },
      ],
      30,
      today,
    );
    expect(series.find((p) => p.day === "2026-04-14")).toEqual({ day: "2026-04-14", success: 5, failure: 2 });
    expect(series.find((p) => p.day === "2026-04-10")).toEqual({ day: "2026-04-10", success: 0, failure: 4 });
    expect(sumSeries(series)).toEqual({ success: 5, failure: 6 });
  });

  it("drops counts outside the window instead of stretching it", () => {
    const series = buildDailySeries([{ day: "2026-01-01", outcome: "success", count: 9 }], 7, today);
    expect(series).toHaveLength(7);
    expect(sumSeries(series)).toEqual({ success: 0, failure: 0 });
  });

  it("ends on today's date in the viewer's time zone", () => {
    // 18:30 UTC on the 14th is already 04:30 on the 15th in Sydney, and still the 14th in Los Angeles.
    expect(buildDailySeries([], 30, today, "Australia/Sydney").at(-1)?.day).toBe("2026-04-15");
    expect(buildDailySeries([], 30, today, "America/Los_Angeles").at(-1)?.day).toBe("2026-04-14");
    expect(localDay(new Date("2026-04-14T18:45:00Z"), "Asia/Kathmandu")).toBe("2026-04-15");
  });
});

describe("seriesDays", () => {
  it("counts calendar days, skipping or doubling none when the clocks change", () => {
    // Sydney's summer time ends on 5 April 2026, Copenhagen's begins on 29 March.
    expect(seriesDays(3, new Date("2026-04-06T02:00:00Z"), "Australia/Sydney")).toEqual([
      "2026-04-04",
      "2026-04-05",
      "2026-04-06",
    ]);
    expect(seriesDays(3, new Date("2026-03-30T12:00:00Z"), "Europe/Copenhagen")).toEqual([
      "2026-03-28",
      "2026-03-29",
      "2026-03-30",
    ]);
    expect(seriesDays(2, new Date("2026-01-01T00:30:00Z"))).toEqual(["2025-12-31", "2026-01-01"]);
  });
});
