import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAppUser } from "@/db/queries/app-users";
import { insertSyncLogRows, serializeSyncLogRow } from "@/db/queries/sync-log";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { callRoute } from "@/lib/api/test-support/call-route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { ensureTestSecretKey } from "@/lib/sync/test-support/fixture";
import { PATCH } from "./[id]/route";
import { POST as create, GET as list } from "./route";

let t: TestDatabase;
let adminToken: string;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ensureTestSecretKey();
  await insertAppUser(t.db, { email: "admin@t.local", name: "Admin", role: "admin", passwordHash: "x" });
  const a = await createApiToken(t.db, "admin@t.local");
  if (!a.ok) throw new Error("token");
  adminToken = a.token;
});
afterAll(async () => {
  await t.drop();
});

const base = { name: "HR", endpointUrl: "https://hr.example.com/in" };

describe("saving an integration's credentials", () => {
  it("refuses an auth type without its secret, positioned on the secret", async () => {
    const r = await callRoute(create, {
      token: adminToken,
      body: { ...base, authType: "basic", authConfig: { username: "u" } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([{ path: "secrets.password", message: "Enter the password" }]);
  });

  it("accepts a change that leaves a stored secret alone, and refuses clearing it", async () => {
    const created = await callRoute(create, {
      token: adminToken,
      body: { ...base, authType: "api_key", secrets: { apiKey: "stored-key-1234" } },
    });
    expect(created.status).toBe(201);
    const id = created.body.integration.id;
    const renamed = await callRoute(PATCH, {
      method: "PATCH",
      token: adminToken,
      params: { id },
      body: { name: "HR 2" },
    });
    expect(renamed.status).toBe(200);
    const cleared = await callRoute(PATCH, {
      method: "PATCH",
      token: adminToken,
      params: { id },
      body: { secrets: { apiKey: null } },
    });
    expect(cleared.status).toBe(400);
    expect(cleared.body.error.details[0].path).toBe("secrets.apiKey");
  });
});

describe("GET /api/integrations", () => {
  it("carries each integration's last 30 days of log outcomes per day, today last", async () => {
    const created = await callRoute(create, {
      token: adminToken,
      body: { ...base, name: "Charted", authType: "bearer", secrets: { token: "t-123" } },
    });
    const id = created.body.integration.id;
    const row = {
      integrationId: id,
      durationMs: 5,
      attempt: 1,
      requestUrl: base.endpointUrl,
      requestHeaders: {},
      requestBody: "{}",
      mappingVersion: 1,
    };
    await insertSyncLogRows(
      t.db,
      [
        { ...row, outcome: "success" as const, status: 200 },
        { ...row, outcome: "success" as const, status: 200 },
        { ...row, outcome: "failure" as const, status: 503 },
      ].map(serializeSyncLogRow),
    );
    const r = await callRoute(list, { token: adminToken });
    const item = r.body.integrations.find((i: { id: string }) => i.id === id);
    expect(item.stats.daily).toHaveLength(30);
    expect(item.stats.daily.at(-1)).toEqual({
      day: new Date().toISOString().slice(0, 10),
      success: 2,
      failure: 1,
    });
    expect(r.text).not.toContain("t-123");

    // Counted in the viewer's time zone: the series ends on today's date there.
    const tokyo = await callRoute(list, { token: adminToken, path: "/api/integrations?tz=Asia/Tokyo" });
    const tokyoToday = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
    const there = tokyo.body.integrations.find((i: { id: string }) => i.id === id);
    expect(there.stats.daily.at(-1)).toEqual({ day: tokyoToday, success: 2, failure: 1 });
  });

  it("refuses a time zone it does not know, naming the parameter", async () => {
    const r = await callRoute(list, { token: adminToken, path: "/api/integrations?tz=Mars/Olympus_Mons" });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0]).toMatchObject({ path: "tz" });
    expect(r.body.error.details[0].message).toMatch(/Unknown time zone/);
  });
});
