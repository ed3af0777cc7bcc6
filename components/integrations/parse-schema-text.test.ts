import { describe, expect, it } from "vitest";
import { parseSchemaText } from "./parse-schema-text";

describe("the schema box's text", () => {
  it("is a schema when it is a JSON object, none when empty", () => {
    expect(parseSchemaText('{"type": "object"}')).toEqual({ ok: true, schema: { type: "object" } });
    expect(parseSchemaText("  \n")).toEqual({ ok: true, schema: null });
  });

  it("says where JSON that does not parse goes wrong, by line and column", () => {
    const parsed = parseSchemaText('{\n  "type": "object",\n  "required": ["a" "b"]\n}');
    expect(parsed).toEqual({
      ok: false,
      problem: "The schema is not valid JSON at line 3, column 20: Expected ',' or ']' after array element",
    });
  });

  it("refuses JSON that is not an object", () => {
    expect(parseSchemaText("[1]")).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/JSON object/),
    });
  });
});
