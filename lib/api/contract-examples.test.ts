import { describe, expect, it } from "vitest";
import type { RouteContract } from "./contract";
import type { JsonSchema } from "./openapi-components";
import { API_CONTRACTS, apiDocument } from "./route-modules";

const name = (c: RouteContract) => `${c.method} ${c.path}`;
type Reply = { description?: string; content?: Record<string, { schema: unknown }> };

/** Dotted paths of the properties in a JSON Schema that carry no description. */
function undescribed(schema: unknown, at = ""): string[] {
  if (schema === null || typeof schema !== "object") return [];
  const s = schema as JsonSchema;
  const own = Object.entries((s.properties ?? {}) as Record<string, JsonSchema>).flatMap(
    ([key, property]) => [
      ...(typeof property.description === "string" && property.description.trim() ? [] : [`${at}${key}`]),
      ...undescribed(property, `${at}${key}.`),
    ],
  );
  const nested = [s.items, s.additionalProperties, ...((s.anyOf ?? s.oneOf ?? []) as unknown[])].flatMap(
    (child) => undescribed(child, at),
  );
  return [...own, ...nested];
}

describe("each route's contract", () => {
  it.each(API_CONTRACTS.map((c) => [name(c), c] as const))("%s has an example that validates", (_, c) => {
    expect(c.example.input !== undefined || c.example.output !== undefined).toBe(true);
    if (c.example.input !== undefined) {
      expect(c.input, "an example input for a route without input").toBeDefined();
      expect(c.input!.safeParse(c.example.input).error).toBeUndefined();
    }
    if (c.input && c.example.input === undefined) expect.fail("a route with input needs an example input");
    if (c.example.output !== undefined) expect(c.output.safeParse(c.example.output).error).toBeUndefined();
  });

  it("describes every field, parameter and response of the document", () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(apiDocument().paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        for (const p of op.parameters) if (!p.description) missing.push(`${where} parameter ${p.name}`);
        const request = op.requestBody?.content["application/json"].schema;
        for (const field of undescribed(request)) missing.push(`${where} request ${field}`);
        for (const [status, response] of Object.entries(op.responses as Record<string, Reply>)) {
          if (!response.description) missing.push(`${where} ${status}`);
          for (const media of Object.values(response.content ?? {}) as { schema: unknown }[]) {
            for (const field of undescribed(media.schema)) missing.push(`${where} ${status} ${field}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
