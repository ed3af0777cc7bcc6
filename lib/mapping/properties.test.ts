import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELDS } from "./fields";
import { buildPayload, parseTransforms, tracePayload, validateMapping } from "./index";
import type { MappingEntry } from "./schemas";
import { sampleRecord } from "./testing";
import type { MappingIssue } from "./validate";

// Pieces of the chain language, so random chains reach deep into every parser instead of failing at the name.
const PIECES = [
  ..."dateFormat tz statusMap concat default omitIfNull toString toInt round lowercase uppercase trim split".split(
    " ",
  ),
  ...[":", "|", " | ", "\\", "\\|", "\\,", "\\=", ",", "=", "*", "'", '"', "%", " ", "{value}", "."],
  ...[
    "yyyy",
    "MM",
    "dd",
    "HH",
    "h",
    "t",
    "F",
    "FFFFFFFF",
    "f",
    "z",
    "zzz",
    "K",
    "g",
    "epoch",
    "epochMs",
    "d",
  ],
  ...["Europe/Oslo", "Nowhere/City", "100", "0", "-1", "1.5", "11", "abc", "stausMap", "x"],
];
const chain = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join("")),
);
const VALID_STEPS = [
  ...[
    "dateFormat:yyyy-MM-dd HH:mm:ss.FFF zzz K",
    "dateFormat:epoch",
    "dateFormat:o",
    "dateFormat:%h tt",
    "tz:Europe/Oslo",
  ],
  ...[
    "tz:Asia/Kathmandu",
    "statusMap:100=passed,0=failed",
    "statusMap:a=1,*=x",
    "concat:E-{value}",
    "default:0",
  ],
  ...[
    "default:n/a",
    "omitIfNull",
    "toString",
    "toInt",
    "round:2",
    "lowercase",
    "uppercase",
    "trim",
    "split",
    "split:;",
  ],
];
const validChain = fc
  .array(fc.constantFrom(...VALID_STEPS), { maxLength: 4 })
  .map((steps) => steps.join(" | "));
const FIELD_NAMES = FIELDS.map((f) => f.name);
const anyValue = fc.oneof(
  fc.anything(),
  fc.date({ noInvalidDate: false }),
  fc.double(),
  fc.string(),
  fc.constantFrom("2026-04-11T14:32:00Z", "2026-04-11", "95", " 7.5 ", "a, b", "", "-0"),
  fc.array(fc.string(), { maxLength: 3 }),
);
const record = fc.oneof(
  fc.anything(),
  fc.record({
    user: fc.oneof(
      fc.anything(),
      fc.dictionary(fc.constantFrom(...FIELD_NAMES.map((n) => n.split(".")[1] ?? "")), anyValue),
    ),
    activity: fc.record({ activityName: anyValue, activityId: anyValue }),
    completion: fc.record({ completionDate: anyValue, bestCombined: anyValue, bestScore: anyValue }),
  }),
);
const key = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom("a", "b", ".", "__proto__", "1", " "), { maxLength: 5 }).map((p) => p.join("")),
);
const source = fc.oneof(
  fc.constantFrom(...FIELD_NAMES),
  fc.string(),
  fc.record({ const: fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)) }),
  fc.anything(),
);
const entry = fc.oneof(
  fc.record({ key, source, transforms: chain }, { requiredKeys: ["key", "source"] }),
  fc.anything(),
);
const entries = fc.oneof(fc.array(entry, { maxLength: 6 }), fc.anything());

/** Every issue is free of internal errors and its position lies inside the text it points into. */
function checkIssues(issues: MappingIssue[], input: unknown): void {
  for (const issue of issues) {
    expect(issue.message).not.toMatch(/^Internal error/);
    if (issue.start === undefined && issue.end === undefined) continue;
    const e =
      Array.isArray(input) && issue.index !== null
        ? (input[issue.index] as Record<string, unknown>)
        : undefined;
    const text = e?.[issue.field ?? "key"];
    const length = typeof text === "string" ? text.length : 0;
    expect(
      0 <= (issue.start ?? -1) && (issue.start ?? -1) <= (issue.end ?? -1) && (issue.end ?? -1) <= length,
    ).toBe(true);
  }
}

describe("properties", () => {
  it("parseTransforms never throws and positions every error inside the chain", () => {
    fc.assert(
      fc.property(chain, (text) => {
        const parsed = parseTransforms(text);
        if (parsed.ok) {
          for (const s of parsed.steps)
            expect(0 <= s.start && s.start < s.end && s.end <= text.length).toBe(true);
          return;
        }
        expect(parsed.errors.length).toBeGreaterThan(0);
        for (const e of parsed.errors) {
          expect(0 <= e.start && e.start <= e.end && e.end <= text.length).toBe(true);
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("buildPayload never throws on any mapping and any record, and its positions lie inside the input", () => {
    fc.assert(
      fc.property(entries, record, (m, r) => {
        const result = buildPayload(m as MappingEntry[], r as never);
        if (result.ok) expect(() => JSON.stringify(result.payload)).not.toThrow();
        else checkIssues(result.errors, m);
      }),
      { numRuns: 2000 },
    );
  });

  it("buildPayload never throws for the standard fields against any record", () => {
    const mapping = fc.array(
      fc.record({
        key: fc.constantFrom("a", "b", "c.d", "c.e"),
        source: fc.constantFrom(...FIELD_NAMES),
        transforms: fc.oneof(chain, validChain),
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(mapping, record, (m, r) => {
        const result = buildPayload(m, r as never);
        if (result.ok) expect(() => JSON.stringify(result.payload)).not.toThrow();
        else checkIssues(result.errors, m);
      }),
      { numRuns: 2000 },
    );
  });

  it("validateMapping and tracePayload never throw either", () => {
    fc.assert(
      fc.property(entries, record, (m, r) => {
        const { errors, warnings } = validateMapping(m as MappingEntry[]);
        checkIssues([...errors, ...warnings], m);
        const trace = tracePayload(m as MappingEntry[], r as never);
        checkIssues(trace.errors, m);
        expect(Array.isArray(trace.entries)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("toString gives text or null, whatever comes before it", () => {
    const prefix = fc.constantFrom(
      "",
      "split | ",
      "tz:Europe/Oslo | ",
      "dateFormat:epoch | ",
      "statusMap:1=a | ",
      "round:1 | ",
      "default:0 | ",
      "toInt | ",
    );
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_NAMES), prefix, record, (field, before, r) => {
        const result = buildPayload(
          [{ key: "v", source: field, transforms: `${before}toString` }],
          r as never,
        );
        if (!result.ok) return;
        const v = result.payload.v;
        expect(v === null || typeof v === "string").toBe(true);
      }),
      { numRuns: 2000 },
    );
    const direct = buildPayload(
      [{ key: "v", source: "completion.bestScore", transforms: "toString" }],
      sampleRecord(),
    );
    expect(direct).toEqual({ ok: true, payload: { v: "95" } });
  });
});
