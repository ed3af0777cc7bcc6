import { describe, expect, it } from "vitest";
import { pointInTimeSchema, rangeEndSchema } from "./point-in-time";

describe("pointInTimeSchema (sendFrom, a backfill's since, the log's from)", () => {
  it.each([
    ["2026-04-01", "2026-04-01T00:00:00.000Z"],
    ["2026-04-01T08:00:00Z", "2026-04-01T08:00:00.000Z"],
    ["2026-04-01T08:00Z", "2026-04-01T08:00:00.000Z"],
    ["2026-04-01T08:00:00.123+02:00", "2026-04-01T06:00:00.123Z"],
    ["1970-01-01", "1970-01-01T00:00:00.000Z"],
    ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000Z"],
    ["2026-04-01T10:00:00.5+02:00", "2026-04-01T08:00:00.500Z"],
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
    "2026-04-01T08:00",
    "1",
    "2026-02-30",
    "+275760-09-13",
    "0000-01-01",
    "1969-12-31T23:59:59Z",
    "+010000-01-01T00:00:00Z",
    new Date(Number.NaN),
    new Date("0001-01-01T00:00:00Z"),
  ])("refuses %o", (value) => {
    expect(pointInTimeSchema.safeParse(value).success).toBe(false);
  });
});

describe("rangeEndSchema", () => {
  it("takes a date alone as the whole of that day, and a time as that instant", () => {
    expect(rangeEndSchema.parse("2026-04-01").toISOString()).toBe("2026-04-01T23:59:59.999Z");
    expect(rangeEndSchema.parse("2026-04-01T14:30:00Z").toISOString()).toBe("2026-04-01T14:30:00.000Z");
  });
});
