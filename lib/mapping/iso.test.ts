import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoText, isSupportedMs, parseIsoDate, utcMs } from "./iso";
import { zoneOffsetMs } from "./time-zone";

const MIN = utcMs(1, 1, 1);
const MAX = utcMs(10000, 1, 1) - 1;

describe("ISO 8601", () => {
  it.each([
    ["2026-04-11T14:32:00Z", "2026-04-11T14:32:00.000Z"],
    ["2026-04-11t14:32z", "2026-04-11T14:32:00.000Z"],
    ["2026-04-11 14:32:00.5", "2026-04-11T14:32:00.500Z"],
    ["2026-04-11T14:32:00,123456789+02:00", "2026-04-11T12:32:00.123Z"],
    ["2026-04-11T14:32:00-0530", "2026-04-11T20:02:00.000Z"],
    ["2026-04-11T14:32:00+01", "2026-04-11T13:32:00.000Z"],
    ["2026-04-11", "2026-04-11T00:00:00.000Z"],
    [" 2026-04-11T14:32:00 Z ", "2026-04-11T14:32:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    ["+002026-04-11T14:32:00Z", "2026-04-11T14:32:00.000Z"],
  ])("parses %j", (text, iso) => {
    expect(parseIsoDate(text)).toBe(Date.parse(iso));
  });

  it.each([
    "2026-02-29",
    "2026-13-01",
    "2026-04-31",
    "2026-04-11T24:00:00Z",
    "2026-04-11T14:60",
    "2026-04-11T14:32:00+24:00",
    "2026-04-11T14:32:00.Z",
    "2026-04-11T14",
    "0000-12-31",
    "abc",
    "",
    "11.04.2026",
  ])("refuses %j", (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });

  it("prints every supported instant like toISOString, to the second", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), (ms) => {
        const expected = `${new Date(ms).toISOString().slice(0, 19)}Z`;
        expect(isoText(ms, null)).toBe(expected);
        expect(parseIsoDate(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });

  it("reads the common shapes by hand exactly as the full grammar does", () => {
    // A leading space sends the same text down the regex path, so both paths are compared.
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
    const text = fc
      .tuple(
        digits(4),
        fc.constantFrom("-"),
        digits(2),
        fc.constantFrom("-", "/"),
        digits(2),
        fc.constantFrom("", "T", "t", " ", "x"),
        digits(2),
        fc.constantFrom(":", ""),
        digits(2),
        fc.constantFrom("", ":00", ":59", ":61", ":5"),
        fc.constantFrom("", ".1", ".123", ",5", ".1234567891", "."),
        fc.constantFrom("", "Z", "z", "+02:00", "-0530", "+01", "+2", "+25:00", "+02:0", "Zx"),
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(parseIsoDate(t)).toBe(parseIsoDate(` ${t}`));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps datetimes to the years 1–9999", () => {
    expect(isSupportedMs(MIN) && isSupportedMs(MAX)).toBe(true);
    expect(isSupportedMs(MIN - 1) || isSupportedMs(MAX + 1) || isSupportedMs(Number.NaN)).toBe(false);
  });
});

describe("zone offsets", () => {
  it.each([
    ["Europe/Oslo", "2026-01-15T12:00:00Z", 60],
    ["Europe/Oslo", "2026-07-15T12:00:00Z", 120],
    ["America/New_York", "2026-03-08T06:59:59Z", -300],
    ["America/New_York", "2026-03-08T07:00:00Z", -240],
    ["Asia/Kathmandu", "2026-04-11T00:00:00Z", 345],
    ["Australia/Lord_Howe", "2026-01-15T00:00:00Z", 660],
    ["Australia/Lord_Howe", "2026-07-15T00:00:00Z", 630],
    ["UTC", "2026-07-15T00:00:00Z", 0],
  ])("%s at %s is %i minutes", (zone, iso, minutes) => {
    expect(zoneOffsetMs(zone, Date.parse(iso))).toBe(minutes * 60_000);
  });

  it("agrees with Intl at any instant, cached or not", () => {
    const zones = ["Europe/Oslo", "America/Sao_Paulo", "Asia/Tehran", "Pacific/Chatham"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: utcMs(1990, 1, 1), max: utcMs(2040, 1, 1) }),
        (zone, ms) => {
          const f = new Intl.DateTimeFormat("en-CA", {
            timeZone: zone,
            hourCycle: "h23",
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
            hour: "2-digit",
            minute: "2-digit",
          });
          const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
          const wall = isoText(ms, zoneOffsetMs(zone, ms)).slice(0, 16);
          expect(wall).toBe(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`);
        },
      ),
      { numRuns: 500 },
    );
  });
});
