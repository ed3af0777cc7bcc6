import { describe, expect, it } from "vitest";
import { compileDateFormat, formatDate } from "./date-format";
import { entryValue, sampleRecord } from "./testing";

const SAT = "2026-04-11T14:32:05.123Z"; // a Saturday afternoon
const MIDNIGHT = "2009-06-01T00:05:03.000Z";
const NOON = "2009-06-01T12:00:00.100Z";

function fmt(format: string, iso = SAT, offsetMs: number | null = null): string {
  const compiled = compileDateFormat(format);
  if (!compiled.ok) return `ERROR ${compiled.error.message} @${compiled.error.start}-${compiled.error.end}`;
  return formatDate(compiled.format, Date.parse(iso), offsetMs);
}

describe("dateFormat specifiers (.NET custom format, invariant culture)", () => {
  it.each([
    // day
    ["%d", SAT, "11"],
    ["%d", "2026-04-05T00:00:00Z", "5"],
    ["dd", "2026-04-05T00:00:00Z", "05"],
    ["ddd", SAT, "Sat"],
    ["dddd", SAT, "Saturday"],
    ["dddddd", SAT, "Saturday"],
    // month
    ["%M", SAT, "4"],
    ["MM", SAT, "04"],
    ["MMM", SAT, "Apr"],
    ["MMMM", SAT, "April"],
    ["MMMMMM", SAT, "April"],
    ["MMM", "2026-09-01T00:00:00Z", "Sep"],
    // year
    ["%y", SAT, "26"],
    ["%y", "2009-01-01T00:00:00Z", "9"],
    ["yy", "2009-01-01T00:00:00Z", "09"],
    ["yyy", SAT, "2026"],
    ["yyyy", SAT, "2026"],
    ["yyyyy", SAT, "02026"],
    ["yyyy", "0099-03-04T00:00:00Z", "0099"],
    ["yyy", "0005-03-04T00:00:00Z", "005"],
    ["%y", "0005-03-04T00:00:00Z", "5"],
    ["yy", "0999-03-04T00:00:00Z", "99"],
    ["yyyy", "0999-03-04T00:00:00Z", "0999"],
    // 12-hour clock, including midnight and noon
    ["%h", SAT, "2"],
    ["hh", SAT, "02"],
    ["hhh", SAT, "02"],
    ["%h", MIDNIGHT, "12"],
    ["hh", MIDNIGHT, "12"],
    ["%h", NOON, "12"],
    ["hh:mm tt", NOON, "12:00 PM"],
    ["hh:mm tt", MIDNIGHT, "12:05 AM"],
    ["%t", SAT, "P"],
    ["%t", MIDNIGHT, "A"],
    ["tt", SAT, "PM"],
    ["ttt", MIDNIGHT, "AM"],
    // 24-hour clock, minutes, seconds
    ["%H", MIDNIGHT, "0"],
    ["HH", MIDNIGHT, "00"],
    ["HHH", SAT, "14"],
    ["%m", MIDNIGHT, "5"],
    ["mm", MIDNIGHT, "05"],
    ["mmm", MIDNIGHT, "05"],
    ["%s", MIDNIGHT, "3"],
    ["ss", MIDNIGHT, "03"],
    ["sss", SAT, "05"],
    // fractions: f always printed
    ["%f", SAT, "1"],
    ["ff", SAT, "12"],
    ["fff", SAT, "123"],
    ["ffff", SAT, "1230"],
    ["fffffff", SAT, "1230000"],
    ["ss.fff", MIDNIGHT, "03.000"],
    // fractions: F trims trailing zeros, and drops a "." right before it when nothing is left
    ["%F", SAT, "1"],
    ["FFF", SAT, "123"],
    ["FFFFFFF", SAT, "123"],
    ["ss.FFF", NOON, "00.1"],
    ["ss.FFF", MIDNIGHT, "03"],
    ["HH:mm:ss.FFFFFFF", MIDNIGHT, "00:05:03"],
    ["ss'.'FFF", MIDNIGHT, "03"],
    ["ss\\.FFF", MIDNIGHT, "03"],
    ["ss,FFF", MIDNIGHT, "03,"],
    ["ss.%F", MIDNIGHT, "03."],
    // offsets and K for a plain UTC datetime
    ["%z", SAT, "+0"],
    ["zz", SAT, "+00"],
    ["zzz", SAT, "+00:00"],
    ["zzzz", SAT, "+00:00"],
    ["%K", SAT, "Z"],
    ["yyyy-MM-ddTHH:mm:ssK", SAT, "2026-04-11T14:32:05Z"],
    // separators, literals, escapes, copying
    ["HH:mm", SAT, "14:32"],
    ["dd/MM/yyyy", SAT, "11/04/2026"],
    ["'yyyy' yyyy", SAT, "yyyy 2026"],
    ['"MM" MM', SAT, "MM 04"],
    ["'It''s'", SAT, "Its"],
    ["'a\\'b'", SAT, "a'b"],
    ["\\y\\e\\a\\r yyyy", SAT, "year 2026"],
    ["yyyy\\\\MM", SAT, "2026\\04"],
    ["yyyyMMdd", SAT, "20260411"],
    ["dd.MM.yyyy HH:mm", SAT, "11.04.2026 14:32"],
    ["X-Q#! yyyy", SAT, "X-Q#! 2026"],
    ["yyyy g", SAT, "2026 A.D."],
    ["%H%m", SAT, "1432"],
  ])("%s on %s gives %s", (format, iso, expected) => {
    expect(fmt(format, iso)).toBe(expected);
  });
});

describe("dateFormat one-character formats are .NET standard formats", () => {
  it.each([
    ["d", "04/11/2026"],
    ["D", "Saturday, 11 April 2026"],
    ["f", "Saturday, 11 April 2026 14:32"],
    ["F", "Saturday, 11 April 2026 14:32:05"],
    ["g", "04/11/2026 14:32"],
    ["G", "04/11/2026 14:32:05"],
    ["M", "April 11"],
    ["m", "April 11"],
    ["o", "2026-04-11T14:32:05.1230000Z"],
    ["O", "2026-04-11T14:32:05.1230000Z"],
    ["R", "Sat, 11 Apr 2026 14:32:05 GMT"],
    ["r", "Sat, 11 Apr 2026 14:32:05 GMT"],
    ["s", "2026-04-11T14:32:05"],
    ["t", "14:32"],
    ["T", "14:32:05"],
    ["u", "2026-04-11 14:32:05Z"],
    ["U", "Saturday, 11 April 2026 14:32:05"],
    ["Y", "2026 April"],
    ["y", "2026 April"],
  ])("%s gives %s", (format, expected) => {
    expect(fmt(format)).toBe(expected);
  });

  it("R, u and U print UTC even in a zone; o and s print the zone's wall time", () => {
    const twoHours = 2 * 3_600_000;
    expect(fmt("R", SAT, twoHours)).toBe("Sat, 11 Apr 2026 14:32:05 GMT");
    expect(fmt("u", SAT, twoHours)).toBe("2026-04-11 14:32:05Z");
    expect(fmt("o", SAT, twoHours)).toBe("2026-04-11T16:32:05.1230000+02:00");
    expect(fmt("s", SAT, twoHours)).toBe("2026-04-11T16:32:05");
  });
});

describe("dateFormat offsets in a zone", () => {
  it.each([
    [-4 * 60, "%z", "-4"],
    [-4 * 60, "zz", "-04"],
    [-4 * 60, "zzz", "-04:00"],
    [330, "%z", "+5"],
    [330, "zzz", "+05:30"],
    [-570, "zzz", "-09:30"],
    [0, "%K", "+00:00"],
    [120, "%K", "+02:00"],
    [120, "HH:mm", "16:32"],
    [-4 * 60, "dd HH", "11 10"],
    [-15 * 60, "dd HH", "10 23"],
  ])("offset %i minutes, %s gives %s", (minutes, format, expected) => {
    expect(fmt(format, SAT, minutes * 60_000)).toBe(expected);
  });
});

describe("dateFormat errors are positioned in the format", () => {
  it.each([
    ["yyyy 'abc", 5, 9, "never closed"],
    ['"x', 0, 2, "never closed"],
    ["HH\\", 2, 3, "escapes nothing"],
    ["'a\\", 0, 3, "never closed"],
    ["ss.ffffffff", 3, 11, "At most 7"],
    ["FFFFFFFFF", 0, 9, "At most 7"],
    ["yyyy%", 4, 5, '"%" must be followed'],
    ["%%", 0, 1, '"%" must be followed'],
    ["%'", 1, 2, "never closed"],
    ["x", 0, 1, "standard format"],
  ])("%s fails at %i-%i", (format, start, end, message) => {
    const compiled = compileDateFormat(format);
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.error).toMatchObject({ start, end });
    expect(compiled.error.message).toContain(message);
  });
});

describe("dateFormat inside a chain", () => {
  it("takes an ISO 8601 string as well as a Date", () => {
    const record = sampleRecord({ completion: { completionDate: "2026-04-11T16:32:00+02:00" } });
    expect(entryValue("dateFormat:yyyy-MM-dd HH:mm", "completion.completionDate", record)).toBe(
      "2026-04-11 14:32",
    );
  });

  it("unescapes \\| \\, \\= at chain level and leaves other backslashes to .NET", () => {
    expect(entryValue("dateFormat:HH\\|mm")).toBe("14|32");
    expect(entryValue("dateFormat:dd\\,MM")).toBe("11,04");
    expect(entryValue("dateFormat:HH\\:mm")).toBe("14:32");
    expect(entryValue("dateFormat:\\d = dd")).toBe("d = 11");
  });

  it("gives epoch seconds and milliseconds as numbers", () => {
    expect(entryValue("dateFormat:epoch")).toBe(1_775_917_920);
    expect(entryValue("dateFormat:epochMs")).toBe(1_775_917_920_000);
    const early = sampleRecord({ completion: { completionDate: "1969-12-31T23:59:59.500Z" } });
    expect(entryValue("dateFormat:epoch", "completion.completionDate", early)).toBe(-1);
  });

  it("reports a format error at its offset in the chain", () => {
    expect(entryValue("trim | dateFormat:yyyy 'x")).toMatchObject({
      error: expect.stringContaining("never closed"),
    });
  });
});
