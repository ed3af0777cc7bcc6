import { describe, expect, it } from "vitest";
import { formatDuration, formatRetrySchedule } from "./format-duration";

describe("formatDuration", () => {
  it("speaks seconds, minutes, hours and days", () => {
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(60)).toBe("1 min");
    expect(formatDuration(300)).toBe("5 min");
    expect(formatDuration(5400)).toBe("1 h 30 min");
    expect(formatDuration(86_400)).toBe("1 day");
    expect(formatDuration(2 * 86_400 + 3600)).toBe("2 days 1 h");
    expect(formatDuration(90)).toBe("1 min 30 s");
  });

  it("keeps the two largest parts and refuses nonsense", () => {
    expect(formatDuration(86_400 + 3600 + 60 + 1)).toBe("1 day 1 h");
    expect(formatDuration(Number.NaN)).toBe("—");
    expect(formatDuration(-5)).toBe("—");
  });
});

describe("formatRetrySchedule", () => {
  it("lists the default schedule as minutes", () => {
    expect(formatRetrySchedule([60, 300, 1800])).toBe("1 min, 5 min, 30 min");
    expect(formatRetrySchedule([])).toBe("no retries");
  });
});
