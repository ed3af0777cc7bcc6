import { describe, expect, it } from "vitest";
import { STANDARD_MAPPING } from "@/lib/mapping";
import { schemaFromMapping } from "./generate-schema";
import { compiledSchemaCount, receiverValidator } from "./validator";

const validatorOf = (schema: Record<string, unknown>) => {
  const v = receiverValidator(schema);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v;
};

const SEED_PAYLOAD = {
  employeeId: "anne@company.com",
  courseName: "GDPR introduction",
  completedOn: "2026-04-11T14:32:00Z",
  score: 95,
  status: "passed",
  organisation: "HR department",
};

describe("a payload checked against the receiver's schema", () => {
  const generated = validatorOf(schemaFromMapping(STANDARD_MAPPING));

  it("passes the seed example's payload under the schema generated from its mapping", () => {
    expect(generated.check(SEED_PAYLOAD)).toEqual([]);
    expect(generated.check({ ...SEED_PAYLOAD, score: null, organisation: null, status: null })).toEqual([]);
  });

  it("says each problem in words at its key", () => {
    const { organisation: _, ...rest } = SEED_PAYLOAD;
    const issues = generated.check({
      ...rest,
      employeeId: 42,
      completedOn: "11/04/2026",
      status: "PASSED",
      note: "x",
    });
    expect(issues).toEqual([
      { key: "organisation", message: "organisation: missing: the receiver requires this key" },
      { key: "note", message: "note: not expected: the receiver's schema allows no other keys here" },
      { key: "employeeId", message: "employeeId: must be a string (got 42)" },
      {
        key: "completedOn",
        message: 'completedOn: must be a date and time in ISO 8601 (2026-04-11T14:32:00Z) (got "11/04/2026")',
      },
      { key: "status", message: 'status: must be one of "passed", "failed", null (got "PASSED")' },
    ]);
  });

  it("names nested keys with dots and list items with [i]", () => {
    const v = validatorOf({
      type: "object",
      properties: {
        employee: { type: "object", properties: { id: { type: "integer" } } },
        tags: { type: "array", items: { type: "string", maxLength: 3 } },
      },
    });
    expect(v.check({ employee: { id: "7" }, tags: ["ok", "too long"] })).toEqual([
      { key: "employee.id", message: 'employee.id: must be an integer (got "7")' },
      { key: "tags[1]", message: 'tags[1]: must NOT have more than 3 characters (got "too long")' },
    ]);
    expect(v.check([])).toEqual([{ key: "", message: "The payload: must be an object (got [])" }]);
  });

  it("compiles a schema once, however many payloads it checks", () => {
    const schema = { type: "object", properties: { n: { type: "number", minimum: 0 } } };
    const first = receiverValidator(schema);
    const before = compiledSchemaCount();
    for (let n = 0; n < 50; n++) {
      const again = receiverValidator({ ...schema });
      expect(again).toBe(first);
      expect(again.ok && again.check({ n: -n - 1 })).toHaveLength(1);
    }
    expect(compiledSchemaCount()).toBe(before);
  });
});

describe("a broken schema", () => {
  it("is refused with the place in the schema and what to write there", () => {
    const typo = receiverValidator({ type: "object", properties: { employeeId: { type: "strin" } } });
    expect(typo).toEqual({
      ok: false,
      problems: [
        {
          path: "properties.employeeId.type",
          message:
            'properties.employeeId.type: must be one of "array", "boolean", "integer", "null", "number", "object", "string" (got "strin")',
        },
      ],
    });
    const required = receiverValidator({ type: "object", required: "employeeId" });
    expect(required.ok || required.problems[0]?.path).toBe("required");
  });

  it("names an unsupported draft and a reference to nothing", () => {
    const draft4 = receiverValidator({ $schema: "http://json-schema.org/draft-04/schema#" });
    expect(draft4.ok || draft4.problems[0]).toMatchObject({
      path: "$schema",
      message: expect.stringContaining("draft-07, 2019-09 or 2020-12"),
    });
    const ref = receiverValidator({ properties: { x: { $ref: "#/$defs/missing" } } });
    expect(ref.ok || ref.problems[0]?.message).toMatch(
      /^The schema cannot be used: can't resolve reference #\/\$defs\/missing/,
    );
  });

  it("reads 2019-09 and draft-07 schemas by their $schema", () => {
    for (const draft of [
      "https://json-schema.org/draft/2019-09/schema",
      "http://json-schema.org/draft-07/schema#",
    ]) {
      const v = validatorOf({ $schema: draft, type: "object", required: ["a"] });
      expect(v.check({})).toEqual([{ key: "a", message: "a: missing: the receiver requires this key" }]);
    }
  });
});
