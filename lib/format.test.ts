import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatPrecise, formatUtc, fromLocalInput, toLocalInput } from "./format";

const AT = "2026-12-01T12:42:05.000Z";

describe("formatDateTime", () => {
  it("writes the moment in the viewer's locale and time zone", () => {
    expect(formatDateTime(AT, { locale: "en-GB", timeZone: "Europe/Oslo" })).toBe("1 Dec 2026, 13:42");
    expect(formatDateTime(AT, { locale: "en-US", timeZone: "America/New_York" })).toMatch(
      /^Dec 1, 2026, 7:42\sAM$/,
    );
    expect(formatDateTime(AT, { locale: "nb-NO", timeZone: "Asia/Tokyo" })).toMatch(
      /^1\. des\. 2026,? 21:42$/,
    );
  });

  it("takes a Date as well as ISO text, and gives back text it cannot read", () => {
    expect(formatDateTime(new Date(AT), { locale: "en-GB", timeZone: "UTC" })).toBe("1 Dec 2026, 12:42");
    expect(formatDateTime("not a date")).toBe("not a date");
  });

  it("writes a day alone where the time would mislead (a certificate's last day)", () => {
    expect(formatDay("2026-12-31T23:30:00Z", { locale: "en-GB", timeZone: "Europe/Oslo" })).toBe(
      "1 Jan 2027",
    );
    expect(formatDay("2026-12-31T23:30:00Z", { locale: "en-GB", timeZone: "UTC" })).toBe("31 Dec 2026");
  });
});

describe("formatPrecise", () => {
  it("writes a log entry's time to the second with its zone named, to line it up with another system's log", () => {
    expect(formatPrecise(AT, { locale: "en-GB", timeZone: "Europe/Oslo" })).toBe("1 Dec 2026, 13:42:05 CET");
    expect(formatPrecise(AT, { locale: "en-US", timeZone: "UTC" })).toMatch(
      /^Dec 1, 2026, 12:42:05\sPM UTC$/,
    );
  });
});

describe("formatUtc", () => {
  it("writes the same moment in UTC to the second, whatever the viewer's zone, for the hover title", () => {
    expect(formatUtc(AT)).toBe("2026-12-01 12:42:05 UTC");
    expect(formatUtc(new Date("2026-06-30T22:00:00+02:00"))).toBe("2026-06-30 20:00:00 UTC");
  });
});

describe("fromLocalInput", () => {
  const local = (v: string) => new Date(v).getTime();

  it("reads the input in the browser's zone; as a range's start, that minute's first instant", () => {
    expect(Date.parse(fromLocalInput("2026-04-01T14:30"))).toBe(local("2026-04-01T14:30"));
  });

  it("as a range's end, the last millisecond the input shows, so 'to 14:30' keeps 14:30:12", () => {
    expect(Date.parse(fromLocalInput("2026-04-01T14:30", "end"))).toBe(local("2026-04-01T14:30") + 59_999);
    expect(Date.parse(fromLocalInput("2026-04-01T14:30:12", "end"))).toBe(local("2026-04-01T14:30:12") + 999);
    expect(toLocalInput(fromLocalInput("2026-04-01T14:30", "end"))).toBe("2026-04-01T14:30");
  });
});
