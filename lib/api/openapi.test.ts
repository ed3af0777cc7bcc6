import { describe, expect, it } from "vitest";
import { buildOpenApi } from "./openapi";

describe("the OpenAPI document", () => {
  it("describes every route of the design with the request schemas the routes validate with", () => {
    const doc = buildOpenApi("1.2.3");
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe("1.2.3");
    const create = (doc.paths["/api/integrations"] as Record<string, any>).post;
    const schema = create.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(expect.arrayContaining(["name", "endpointUrl", "authType"]));
    expect(schema.properties.authType.enum).toContain("oauth2");
    const log = (doc.paths["/api/integrations/{id}/log"] as Record<string, any>).get;
    expect(log.parameters.map((p: { name: string }) => p.name)).toEqual([
      "id",
      "outcome",
      "status",
      "user",
      "from",
      "to",
      "q",
      "cursor",
      "limit",
    ]);
    expect(JSON.stringify(doc)).toContain("/api/integrations/{id}/test-user");
  });
});
