import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { RouteContract } from "./contract";
import { buildOpenApi } from "./openapi";
import { apiDocument } from "./route-modules";

const doc = apiDocument() as any;
const op = (path: string, method: string) => doc.paths[path][method];
const jsonSchema = (o: any) => o.content["application/json"].schema;

/** Every `$ref` in the document, so each can be resolved. */
function refs(value: unknown): string[] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => (k === "$ref" ? [v as string] : refs(v)));
}

describe("the OpenAPI document", () => {
  it("describes the routes with the request schemas they validate with", () => {
    expect(doc.openapi).toBe("3.1.0");
    const create = jsonSchema(op("/api/integrations", "post").requestBody);
    expect(create.required).toEqual(expect.arrayContaining(["name", "endpointUrl", "authType"]));
    expect(create.properties.authType.enum).toContain("oauth2");
    expect(create.properties.secrets.properties.clientCertPfx.description).toContain("base64");
    const log = op("/api/integrations/{id}/log", "get");
    expect(log.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      "path:id",
      ...["outcome", "status", "user", "from", "to", "q", "runId", "cursor", "limit"].map(
        (n) => `query:${n}`,
      ),
    ]);
    expect(log.parameters[0].schema.format).toBe("uuid");
  });

  it("declares PATCH /api/integrations/{id}: version, null clears, and its 400, 404 and 409", () => {
    const patch = op("/api/integrations/{id}", "patch");
    expect(patch["x-role"]).toBe("admin");
    const input = jsonSchema(patch.requestBody);
    expect(input.properties.version.type).toBe("integer");
    expect(input.required ?? []).not.toContain("version");
    expect(patch.summary).toContain("null clears");
    expect(Object.keys(patch.responses).sort()).toEqual(["200", "400", "401", "403", "404", "409", "500"]);
    const conflict = jsonSchema(patch.responses["409"]).properties.error.properties.details;
    expect(conflict.properties.currentVersion.type).toBe("integer");
    expect(Object.keys(conflict.properties.changes.items.properties)).toEqual(["by", "at", "fields"]);
    const reply = jsonSchema(patch.responses["200"]).properties.integration;
    expect(reply.properties.version.type).toBe("number");
    expect(reply.properties.updatedAt).toMatchObject({ type: "string", format: "date-time" });
    expect(reply.properties.secrets.description).toMatch(/never leave/);
  });

  it("has the error shapes as components, and every $ref resolves", () => {
    const { responses, schemas } = doc.components;
    expect(Object.keys(responses)).toEqual(
      expect.arrayContaining(["BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict"]),
    );
    const details = schemas.ValidationError.properties.error.properties.details;
    expect(details.type).toBe("array");
    expect(details.items.required).toEqual(["path", "message"]);
    expect(op("/api/integrations/{id}", "get").responses["404"].$ref).toBe("#/components/responses/NotFound");
    for (const ref of refs(doc)) {
      const target = ref
        .replace(/^#\//, "")
        .split("/")
        .reduce((node: any, key) => node?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it("marks who may call: roles need a session or token, public routes nothing", () => {
    expect(op("/api/openapi.json", "get").security).toEqual([]);
    expect(op("/api/health", "get").security).toEqual([]);
    expect(op("/api/integrations", "get").security).toEqual([{ session: [] }, { apiToken: [] }]);
    expect(op("/api/integrations", "get").responses["403"]).toBeUndefined();
    expect(op("/api/integrations", "post").responses["403"]).toBeDefined();
    expect(op("/api/demo-receiver", "post").security).toEqual([{ "X-API-Key": [] }]);
    expect(doc.components.securitySchemes["X-API-Key"]).toMatchObject({ in: "header", name: "X-API-Key" });
  });

  it("describes a download by its media types and a 204 without a body", () => {
    const download = op("/api/integrations/{id}/log/export", "get").responses["200"].content;
    expect(Object.keys(download)).toEqual(["text/csv", "application/x-ndjson"]);
    expect(download["application/x-ndjson"].schema.properties.requestHeaders).toBeDefined();
    expect(op("/api/integrations/{id}", "delete").responses["204"].content).toBeUndefined();
  });

  it("describes a reply that can stream its progress: the JSON reply, and its events as NDJSON", () => {
    const content = op("/api/integrations/{id}/test-user", "post").responses["200"].content;
    expect(Object.keys(content)).toEqual(["application/json", "application/x-ndjson"]);
    expect(content["application/json"].schema.properties.results).toBeDefined();
    const events = JSON.stringify(content["application/x-ndjson"].schema);
    for (const type of ["plan", "exchange", "done", "error"]) expect(events).toContain(`"${type}"`);
  });

  it("refuses a contract whose path parameters do not match its path, or a route declared twice", () => {
    const contract = {
      method: "GET",
      path: "/api/things/{id}",
      role: "viewer",
      summary: "A thing",
      output: z.object({}),
      example: { output: {} },
    } satisfies RouteContract;
    expect(() => buildOpenApi("1", [contract])).toThrow(/path parameters \[\], its path has \[id\]/);
    const withParams = { ...contract, params: z.object({ id: z.string().describe("The id") }) };
    expect(buildOpenApi("1.2.3", [withParams]).info.version).toBe("1.2.3");
    expect(() => buildOpenApi("1", [withParams, withParams])).toThrow(/declared twice/);
  });
});
