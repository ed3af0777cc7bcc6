import { describe, expect, it } from "vitest";
import { entryValue, sampleRecord } from "./testing";
import { TRANSFORMS } from "./transforms";

const c = (value: string | number | boolean | null) => ({ const: value });
const NULL = c(null);
const err = (text: string) => ({ error: expect.stringContaining(text) });

describe("every transform, table-driven", () => {
  it.each([
    // statusMap
    ["statusMap:100=passed,0=failed", "completion.bestCombined", "passed"],
    ["statusMap:100=passed,0=failed", c(0), "failed"],
    ["statusMap:100=passed,0=failed", c(50), null],
    ["statusMap:100=passed,*=other", c(50), "other"],
    ["statusMap:100.0=passed", c(100), "passed"],
    ["statusMap:100=passed", c("100"), "passed"],
    ["statusMap:a=1,b=2", c("b"), "2"],
    ["statusMap:true=yes,false=no", c(false), "no"],
    ["statusMap:x=a\\,b\\=c", c("x"), "a,b=c"],
    ["statusMap:100=passed,*=other", NULL, null],
    // spaces around "=" and "," are layout: the text sent is the same whichever item it is
    ["statusMap:100 = passed , 0 = failed", c(100), "passed"],
    ["statusMap:100=passed , *= other ", c(5), "other"],
    // concat
    ["concat:EMP-{value}", "activity.activityId", "EMP-4711"],
    ["concat:{value}/{value}", c("a"), "a/a"],
    ["concat:EMP-", c("7"), "EMP-7"],
    ["concat:at {value}", "completion.completionDate", "at 2026-04-11T14:32:00Z"],
    ["concat:EMP-{value}", NULL, null],
    ["concat:a\\|b {value}", c(1), "a|b 1"],
    // default
    ["default:0", "completion.bestScore", 95],
    ["default:n/a", NULL, "n/a"],
    ["default:", NULL, ""],
    ["statusMap:1=a | default:none", c(2), "none"],
    // omitIfNull (a present value passes unchanged)
    ["omitIfNull", "completion.bestScore", 95],
    // toString
    ["toString", "completion.bestScore", "95"],
    ["toString", c(true), "true"],
    ["toString", "completion.completionDate", "2026-04-11T14:32:00Z"],
    ["split | toString", "user.learningProfiles", "Managers,Nurses"],
    ["toString", NULL, null],
    // toInt
    ["toInt", c(87.9), 87],
    ["toInt", c(-87.9), -87],
    ["toInt", c(-0.4), 0],
    ["toInt", c(" 42.7 "), 42],
    ["toInt", c("1e3"), 1000],
    ["toInt", c(true), 1],
    ["toInt", NULL, null],
    ["toInt", c("abc"), err('"abc" is not a number')],
    ["toInt", c(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
    ["toInt", c("99999999999999999999"), err("too large for toInt")],
    ["toInt", c(-1e25), err("too large for toInt")],
    ["toInt", "completion.completionDate", err("dateFormat:epoch")],
    // round
    ["round", c(2.5), 3],
    ["round", c(-2.5), -3],
    ["round:2", c(1.005), 1.01],
    ["round:1", c(87.25), 87.3],
    ["round:1", c("3.14159"), 3.1],
    ["round:3", c(1e-7), 0],
    ["round:2", c(1e21), 1e21],
    ["round", NULL, null],
    ["round", c("x"), err('"x" is not a number')],
    // lowercase / uppercase / trim
    ["lowercase", c("Anne@Company.COM"), "anne@company.com"],
    ["uppercase", "user.organisation", "HR DEPARTMENT"],
    ["trim", c("  Anne \t"), "Anne"],
    ["uppercase", c(12), "12"],
    ["split | uppercase", "user.learningProfiles", ["MANAGERS", "NURSES"]],
    ["lowercase", NULL, null],
    // split
    ["split:,", "user.learningProfiles", ["Managers", "Nurses"]],
    ["split", c(" a ,, b,"), ["a", "b"]],
    ["split:;", c("a;b"), ["a", "b"]],
    ["split:\\,", c("a,b"), ["a", "b"]],
    ["split", c(""), []],
    ["split", NULL, null],
    // tz
    ["tz:Europe/Oslo", "completion.completionDate", "2026-04-11T16:32:00+02:00"],
    [
      "tz:America/New_York | dateFormat:yyyy-MM-dd HH:mm zzz",
      "completion.completionDate",
      "2026-04-11 10:32 -04:00",
    ],
    [
      "tz:Asia/Kolkata | dateFormat:HH:mm z zz zzz K",
      "completion.completionDate",
      "20:02 +5 +05 +05:30 +05:30",
    ],
    ["tz:UTC | dateFormat:HH:mm K", "completion.completionDate", "14:32 +00:00"],
    ["tz:Europe/Oslo | tz:Asia/Tokyo", "completion.completionDate", "2026-04-11T23:32:00+09:00"],
    ["tz:Europe/Oslo | dateFormat:epoch", "completion.completionDate", 1_775_917_920],
    ["tz:Europe/Oslo", c("2026-01-15T12:00:00Z"), "2026-01-15T13:00:00+01:00"],
    ["tz:Europe/Oslo", NULL, null],
    ["tz:Europe/Oslo", c(5), err("tz needs a datetime")],
    // dateFormat on text
    ["dateFormat:dd.MM.yyyy", c("2026-04-11"), "11.04.2026"],
    ["dateFormat:dd.MM.yyyy", c("not a date"), err('"not a date" is not a date')],
    ["dateFormat:dd.MM.yyyy", c(95), err("dateFormat needs a datetime")],
    ["dateFormat:dd.MM.yyyy", NULL, null],
    // the format's surrounding spaces are not part of it, and "epoch" is a keyword in any case
    ["dateFormat: yyyy-MM-dd ", "completion.completionDate", "2026-04-11"],
    ["dateFormat: epoch", "completion.completionDate", 1_775_917_920],
    ["dateFormat:Epoch", c("1969-12-31T23:59:59Z"), -1],
    ["dateFormat:EPOCHMS", "completion.completionDate", 1_775_917_920_000],
    ["dateFormat:' 'yyyy", "completion.completionDate", " 2026"],
  ])("%s on %j gives %j", (chain, source, expected) => {
    expect(entryValue(chain, source)).toEqual(expected);
  });

  it("covers every transform in the catalogue with a row above", () => {
    // A new transform without tests fails here rather than slipping through.
    const tested =
      "statusMap concat default omitIfNull toString toInt round lowercase uppercase trim split tz dateFormat";
    expect(TRANSFORMS.map((t) => t.name).every((name) => tested.split(" ").includes(name))).toBe(true);
  });
});

describe("time zones follow daylight saving", () => {
  it.each([
    ["2026-03-29T00:59:59Z", "2026-03-29T01:59:59+01:00"],
    ["2026-03-29T01:00:00Z", "2026-03-29T03:00:00+02:00"],
    ["2026-10-25T00:59:59Z", "2026-10-25T02:59:59+02:00"],
    ["2026-10-25T01:00:00Z", "2026-10-25T02:00:00+01:00"],
  ])("Europe/Oslo at %s is %s", (utc, local) => {
    const record = sampleRecord({ completion: { completionDate: utc } });
    expect(entryValue("tz:Europe/Oslo", "completion.completionDate", record)).toBe(local);
    // Twice: the second answer comes from the offset cache and must agree.
    expect(entryValue("tz:Europe/Oslo", "completion.completionDate", record)).toBe(local);
  });
});

describe("the catalogue", () => {
  it("has syntax, description, example and fitting types for every transform", () => {
    for (const t of TRANSFORMS) {
      expect(t.syntax.startsWith(t.name)).toBe(true);
      expect(t.example.split(" | ").some((step) => step.startsWith(t.name))).toBe(true);
      expect(t.description.length).toBeGreaterThan(20);
      expect(t.fits.length).toBeGreaterThan(0);
    }
  });
});
