import { describe, expect, it } from "vitest";
import { STANDARD_MAPPING } from "./standard-mapping";
import { sampleRecord } from "./testing";
import { tracePayload } from "./trace";

describe("tracePayload", () => {
  it("shows each entry's source and its value after every step, and the payload", () => {
    const result = tracePayload(
      [
        { key: "status", source: "completion.bestCombined", transforms: "statusMap:100=passed | uppercase" },
        {
          key: "on",
          source: "completion.completionDate",
          transforms: "tz:Europe/Oslo | dateFormat:dd.MM. HH:mm",
        },
      ],
      sampleRecord(),
    );
    expect(result.ok).toBe(true);
    expect(result.payload).toEqual({ status: "PASSED", on: "11.04. 16:32" });
    expect(result.entries[0]).toEqual({
      index: 0,
      key: "status",
      source: { type: "number", value: 100 },
      steps: [
        {
          index: 0,
          transform: "statusMap",
          text: "statusMap:100=passed",
          start: 0,
          end: 20,
          value: { type: "string", value: "passed" },
        },
        {
          index: 1,
          transform: "uppercase",
          text: "uppercase",
          start: 23,
          end: 32,
          value: { type: "string", value: "PASSED" },
        },
      ],
      output: "PASSED",
      omitted: false,
    });
    expect(result.entries[1]?.steps.map((s) => s.value)).toEqual([
      { type: "datetime", value: "2026-04-11T16:32:00+02:00" },
      { type: "string", value: "11.04. 16:32" },
    ]);
  });

  it("says when and why a key is omitted", () => {
    const result = tracePayload(
      [{ key: "score", source: "completion.bestScore", transforms: "omitIfNull | round" }],
      sampleRecord({ completion: { bestScore: null } }),
    );
    expect(result.payload).toEqual({});
    expect(result.entries[0]).toMatchObject({
      omitted: true,
      omitReason: 'omitIfNull, the 1st transform: the value is null, so "score" is not sent.',
      steps: [{ transform: "omitIfNull", value: { type: "null", value: null } }],
    });
    expect(result.entries[0]?.output).toBeUndefined();
  });

  it("traces the good entries of a mapping with errors, and marks the failing step", () => {
    const result = tracePayload(
      [
        { key: "a", source: "user.email" },
        { key: "b", source: "user.email", transforms: "uppercse" },
        { key: "c", source: "user.firstName", transforms: "lowercase | toInt" },
      ],
      sampleRecord(),
    );
    expect(result.ok).toBe(false);
    expect(result.payload).toBeNull();
    expect(result.entries[0]?.output).toBe("anne@company.com");
    expect(result.entries[1]?.error?.message).toContain('Did you mean "uppercase"?');
    expect(result.entries[2]?.steps).toMatchObject([
      { transform: "lowercase", value: { type: "string", value: "anne" } },
      {
        transform: "toInt",
        error: expect.stringContaining('in the 2nd transform (toInt): "anne" is not a number'),
      },
    ]);
    expect(result.errors.map((e) => e.index)).toEqual([1]);
  });

  it("reports runtime errors as errors when the mapping itself is valid", () => {
    const result = tracePayload(
      [{ key: "c", source: "user.firstName", transforms: "toInt" }],
      sampleRecord(),
    );
    expect(result.ok).toBe(false);
    expect(result.errors).toMatchObject([{ index: 0, step: 0, transform: "toInt" }]);
  });

  it("agrees with buildPayload on the seed example", () => {
    const result = tracePayload(STANDARD_MAPPING, sampleRecord());
    const outputs = Object.fromEntries(result.entries.map((e) => [e.key, e.output]));
    expect(JSON.stringify(result.payload)).toBe(JSON.stringify(outputs));
    expect(result.entries[2]?.source).toEqual({ type: "datetime", value: "2026-04-11T14:32:00Z" });
  });
});
