import { describe, expect, it } from "vitest";
import { buildDailySeries, seriesStart, sumSeries } from "./daily-series";

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

  it("starts at UTC midnight of the oldest day", () => {
    expect(seriesStart(30, today).toISOString()).toBe("2026-03-16T00:00:00.000Z");
    expect(seriesStart(1, today).toISOString()).toBe("2026-04-14T00:00:00.000Z");
  });
});
