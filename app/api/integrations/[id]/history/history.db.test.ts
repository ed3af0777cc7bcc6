import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { ensureTestSecretKey } from "@/lib/sync/test-support/fixture";
import { POST as create } from "../../route";
import { PUT as saveMapping } from "../mapping/route";
import { POST as pause } from "../pause/route";
import { PATCH } from "../route";
import { GET as history } from "./route";

let t: TestDatabase;
let adminToken: string;
let viewerToken: string;
const NEW_KEY = "replaced-history-key-991";

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ensureTestSecretKey();
  ({ adminToken, viewerToken } = await createApiUsers(t));
});
afterAll(async () => {
  await t.drop();
});

describe("an integration's history", () => {
  it("lists who changed what, newest first, field by field, naming secrets without showing them", async () => {
    const created = await callRoute(create, {
      token: adminToken,
      body: {
        name: "HR",
        endpointUrl: "https://hr.example.com/in",
        authType: "api_key",
        secrets: { apiKey: "k-1234567" },
      },
    });
    const id = created.body.integration.id;
    const params = { id };
    await callRoute(PATCH, {
      method: "PATCH",
      token: adminToken,
      params,
      body: { scheduleCron: "*/5 * * * *", secrets: { apiKey: NEW_KEY } },
    });
    const entries = created.body.integration.mapping.filter((e: { key: string }) => e.key !== "organisation");
    const saved = await callRoute(saveMapping, {
      method: "PUT",
      token: adminToken,
      params,
      body: { mapping: entries },
    });
    expect(saved.status).toBe(200);
    await callRoute(pause, { token: adminToken, params, body: {} });

    const r = await callRoute(history, { token: viewerToken, path: "/x?limit=3", params });
    expect(r.status).toBe(200);
    expect(r.text).not.toContain(NEW_KEY);
    const [paused, mapped, updated] = r.body.events;
    expect(paused).toMatchObject({ action: "integration.pause", by: "admin@t.local (token)" });
    expect(paused.changes).toEqual([{ field: "status", label: "status", old: "active", new: "paused" }]);
    expect(mapped.summary).toBe("Saved the payload mapping: version 1 → 2");
    expect(mapped.changes).toEqual([
      expect.objectContaining({ label: "mapping key organisation", new: null }),
    ]);
    expect(updated.changes).toEqual([
      { field: "scheduleCron", label: "schedule", old: "0 2 * * *", new: "*/5 * * * *" },
    ]);
    expect(updated.secretsChanged).toEqual(["apiKey"]);

    const older = await callRoute(history, {
      token: viewerToken,
      path: `/x?before=${r.body.nextCursor}`,
      params,
    });
    expect(older.body.events.map((e: { action: string }) => e.action)).toEqual(["integration.create"]);
    expect(older.body.nextCursor).toBeNull();
  });
});
