import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiTestDatabase } from "@/lib/api/test-support/api-test-database";
import { callRoute } from "@/lib/api/test-support/call-route";
import { POST as create } from "../../route";
import { GET as listLog } from "./route";

const api = apiTestDatabase();

const list = (id: string) =>
  callRoute(listLog, { token: api.viewerToken, path: `/api/integrations/${id}/log`, params: { id } });

describe("GET /api/integrations/:id/log", () => {
  it("is a 404 for a well-formed id no integration has, as the export and the runs are (was an empty page)", async () => {
    const r = await list(randomUUID());
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: { code: "not_found", message: "Integration not found" } });
  });

  it("is an empty page for an integration with no entries yet", async () => {
    const made = await callRoute(create, {
      token: api.adminToken,
      body: { name: "HR", endpointUrl: "https://hr.example.com/in", authType: "none" },
    });
    const r = await list(made.body.integration.id);
    expect(r.status).toBe(200);
    expect(r.body.entries).toEqual([]);
  });
});
