import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after";

const now = Date.parse("2026-04-11T14:32:00Z");

describe("parseRetryAfter", () => {
  it("reads delay seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads HTTP dates relative to now", () => {
    expect(parseRetryAfter("Sat, 11 Apr 2026 14:33:30 GMT", now)).toBe(90_000);
    expect(parseRetryAfter("Saturday, 11-Apr-26 14:33:00 GMT", new Date(now))).toBe(60_000);
    // asctime is GMT although it does not say so, whatever this machine's time zone
    expect(parseRetryAfter("Sat Apr 11 14:33:30 2026", now)).toBe(90_000);
    expect(parseRetryAfter("Sat Apr  1 14:33:30 2026", now)).toBe(0);
  });

  it("takes the longest of a header sent twice", () => {
    expect(parseRetryAfter("120, 120", now)).toBe(120_000);
    expect(parseRetryAfter("60,300", now)).toBe(300_000);
  });

  it("gives 0 for a date in the past", () => {
    expect(parseRetryAfter("Sat, 11 Apr 2026 14:00:00 GMT", now)).toBe(0);
  });

  it("ignores absent or unreadable values", () => {
    for (const value of [
      undefined,
      null,
      "",
      "soon",
      "-5",
      "1.5",
      "120, soon",
      "Sat Apr 11 14:33:30",
      "11 Apr 2026",
      "Sat, 99 Foo 2026 14:00:00 GMT",
    ]) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});
