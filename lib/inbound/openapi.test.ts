import { describe, expect, it } from "vitest";
import { apiDocument } from "@/lib/api/route-modules";
import { fieldRows } from "@/lib/api/schema-fields";

const doc = apiDocument() as any;

describe("the inbound route in the OpenAPI document", () => {
  const op = doc.paths["/api/inbound/{sourceId}"].post;

  it("documents both kinds, single and batch, with every field described", () => {
    const variants = op.requestBody.content["application/json"].schema.anyOf;
    expect(variants).toHaveLength(4);
    const usersBatch = variants[0];
    expect(usersBatch.properties.type.const).toBe("users");
    expect(usersBatch.properties.items.maxItems).toBe(1000);
    const user = usersBatch.properties.items.items.properties;
    expect(Object.keys(user)).toEqual([
      "userName",
      "email",
      "firstName",
      "lastName",
      "organisationId",
      "organisationName",
      "learningProfiles",
      "active",
    ]);
    const completion = variants[1].properties.items.items.properties;
    expect(completion.completionDate.description).toMatch(/ISO 8601/);
    expect(completion.bestScore.description).toMatch(/null/);
  });

  it("says how a sender proves itself, and lists 401 and 413", () => {
    expect(op.security).toEqual([{ webhookSignature: [] }, { inboundToken: [] }]);
    expect(doc.components.securitySchemes.webhookSignature.name).toBe("webhook-signature");
    expect(op.description).toMatch(/Standard Webhooks/);
    expect(Object.keys(op.responses).sort()).toEqual(["200", "400", "401", "404", "413", "500"]);
  });

  it("lists the fields of every shape once on the API page, with the types each may take", () => {
    const rows = fieldRows(op.requestBody.content["application/json"].schema);
    const row = (path: string) => rows.find((r) => r.path === path);
    expect(rows.filter((r) => r.path === "type")).toHaveLength(1);
    expect(row("type")).toMatchObject({ type: '"users" | "completions"', isRequired: true });
    expect(row("items[].userName")?.description).toMatch(/user name/);
    expect(row("items[].completionDate")?.type).toBe("string (date-time)");
    expect(row("bestScore")).toMatchObject({ isRequired: false });
  });
});
