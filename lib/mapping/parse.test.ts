import { describe, expect, it } from "vitest";
import { parseTransforms } from "./parse";

function errorsOf(chain: string) {
  const parsed = parseTransforms(chain);
  return parsed.ok ? [] : parsed.errors;
}

describe("parseTransforms", () => {
  it("parses an empty or blank chain to no steps", () => {
    expect(parseTransforms("")).toEqual({ ok: true, steps: [] });
    expect(parseTransforms("   ")).toEqual({ ok: true, steps: [] });
  });

  it("splits on |, ignores spaces around it, and keeps each step's span", () => {
    const chain = " trim |lowercase  |  concat:EMP-{value} ";
    const parsed = parseTransforms(chain);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.steps.map((s) => [s.name, s.text, chain.slice(s.start, s.end)])).toEqual([
      ["trim", "trim", "trim"],
      ["lowercase", "lowercase", "lowercase"],
      ["concat", "concat:EMP-{value}", "concat:EMP-{value}"],
    ]);
  });

  it("ends a name at the first colon; the rest, colons included, is the argument", () => {
    const parsed = parseTransforms("dateFormat:HH:mm");
    expect(parsed.ok && parsed.steps[0]?.argument).toBe("HH:mm");
  });

  it("unescapes \\| \\, and \\= in arguments and keeps other backslashes", () => {
    const parsed = parseTransforms("concat:a\\|b\\,c\\=d\\x | trim");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.steps).toHaveLength(2);
    expect(parsed.steps[0]).toMatchObject({ name: "concat", argument: "a|b,c=d\\x", parts: ["a|b,c=d\\x"] });
  });

  it("parses statusMap items, numeric and text keys, the * default, and escaped values", () => {
    const parsed = parseTransforms("statusMap:100=passed, 0 =failed,x=a\\,b,*=in progress,eq=1\\=1");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.steps[0]).toMatchObject({
      name: "statusMap",
      fallback: "in progress",
      items: [
        { match: "100", number: 100, value: "passed" },
        { match: "0", number: 0, value: "failed" },
        { match: "x", number: null, value: "a,b" },
        { match: "eq", number: null, value: "1=1" },
      ],
    });
  });

  it("reads arguments of round, split, default, tz", () => {
    const parsed = parseTransforms(
      "round | round:2 | split | split:; | default: | default:n/a | tz:europe/oslo",
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.steps).toMatchObject([
      { name: "round", digits: 0 },
      { name: "round", digits: 2 },
      { name: "split", separator: "," },
      { name: "split", separator: ";" },
      { name: "default", value: "" },
      { name: "default", value: "n/a" },
      { name: "tz", zone: "Europe/Oslo" },
    ]);
  });
});

describe("parseTransforms errors are positioned and actionable", () => {
  it.each([
    ["stausMap:100=passed", 0, 8, 'Unknown transform "stausMap". Did you mean "statusMap"?'],
    ["trim | dateformat:yyyy", 7, 17, 'Did you mean "dateFormat"?'],
    ["trim | lower", 7, 12, 'Did you mean "lowercase"?'],
    ["zzzzzz", 0, 6, "Known transforms: dateFormat"],
    ["trim |", 5, 6, 'after the last "|"'],
    ["| trim", 0, 1, 'before the first "|"'],
    ["trim || trim", 6, 7, 'between two "|"'],
    [":abc", 0, 4, "needs a transform name"],
    ["toInt:3", 5, 7, "takes no argument"],
    ["omitIfNull:", 10, 11, "takes no argument"],
    ["dateFormat", 0, 10, "needs an argument"],
    ["dateFormat:", 0, 11, "needs an argument"],
    ["trim | dateFormat:yyyy 'x", 23, 25, "never closed"],
    ["concat:a\\|b | dateFormat:ffffffff", 25, 33, "At most 7"],
    ["tz:Europe/Olso", 3, 14, 'Did you mean "Europe/Oslo"?'],
    ["tz: Berlin ", 4, 10, 'Did you mean "Europe/Berlin"?'],
    ["tz:+02:00", 3, 9, "Unknown time zone"],
    ["tz", 0, 2, "needs an argument"],
    ["statusMap:100=passed,0", 21, 22, 'has no "="'],
    ["statusMap:100=passed,,0=failed", 21, 22, "Empty statusMap item"],
    ["statusMap:=x", 10, 12, 'no value before "="'],
    ["statusMap:100=a,100.0=b", 16, 21, 'maps "100.0" twice'],
    ["statusMap:*=a,*=b", 14, 15, 'maps "*" twice'],
    ["concat:", 0, 7, "needs an argument"],
    ["default", 0, 7, "needs an argument"],
    ["round:x", 6, 7, "from 0 to 10"],
    ["round:11", 6, 8, "from 0 to 10"],
    ["round:1.5", 6, 9, "from 0 to 10"],
  ])("%s → error at %i-%i", (chain, start, end, message) => {
    const errors = errorsOf(chain);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ start, end });
    expect(errors[0]?.message).toContain(message);
  });

  it("reports every broken step, not only the first", () => {
    const errors = errorsOf("stausMap:1=a | trim | uppercse | round:99");
    expect(errors.map((e) => e.start)).toEqual([0, 22, 39]);
  });

  it("never suggests a far-away name", () => {
    expect(errorsOf("frobnicate")[0]?.message).not.toContain("Did you mean");
  });
});
