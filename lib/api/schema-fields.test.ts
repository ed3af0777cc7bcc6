import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toJsonSchema } from "./openapi-components";
import { fieldRows, typeLabel } from "./schema-fields";

describe("a JSON Schema as rows people read", () => {
  it("lists nested fields after their parent, through lists, maps and nullable objects", () => {
    const schema = z.object({
      name: z.string().describe("The name"),
      tags: z.array(z.object({ label: z.string().describe("A label") })).describe("The tags"),
      secrets: z.record(z.string(), z.object({ set: z.literal(true) })).optional(),
      cert: z.object({ subject: z.string() }).nullable(),
      when: z.date().nullable(),
    });
    const rows = fieldRows(toJsonSchema(schema, "input"));
    expect(rows.map((r) => [r.path, r.type, r.isRequired])).toEqual([
      ["name", "string", true],
      ["tags", "object[]", true],
      ["tags[].label", "string", true],
      ["secrets", "map of object", false],
      ["secrets.<key>.set", "true", true],
      ["cert", "object | null", true],
      ["cert.subject", "string", true],
      ["when", "string (date-time) | null", true],
    ]);
    expect(rows[0]!.description).toBe("The name");
    expect(rows[2]!.description).toBe("A label");
  });

  it("names enums, unions of lists and anything", () => {
    expect(typeLabel({ enum: ["a", "b"] })).toBe('"a" | "b"');
    expect(typeLabel({ type: "array", items: { anyOf: [{ type: "string" }, { type: "number" }] } })).toBe(
      "(string | number)[]",
    );
    expect(typeLabel({})).toBe("any");
  });
});
