import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { getTestPki, toPfxBase64 } from "@/lib/delivery/test-support/pki";
import { resetSettingsCache } from "@/lib/settings";
import { ensureTestSecretKey } from "@/lib/sync/test-support/fixture";
import { PATCH, GET as readOne } from "./[id]/route";
import { POST as create, GET as list } from "./route";

let t: TestDatabase;
let adminToken: string;
let viewerToken: string;
const SECRET = "super-secret-api-key-42";

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ensureTestSecretKey();
  ({ adminToken, viewerToken } = await createApiUsers(t));
});
afterAll(async () => {
  await t.drop();
});

const apiKeyIntegration = {
  name: "HR",
  endpointUrl: "https://hr.example.com/in",
  authType: "api_key",
  secrets: { apiKey: SECRET },
};

describe("the integrations API", () => {
  it("creates an integration and never returns its secret, only that it is set", async () => {
    const created = await callRoute(create, { token: adminToken, body: apiKeyIntegration });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(SECRET);
    expect(created.body.integration.secrets.apiKey).toEqual({ set: true, changedAt: expect.any(String) });
    expect(created.body.integration.mapping.map((e: { key: string }) => e.key)).toEqual([
      "employeeId",
      "courseName",
      "completedOn",
      "score",
      "status",
      "organisation",
    ]);
    expect(created.body.integration.scheduleText).toBe("every day at 02:00 UTC");

    const id = created.body.integration.id;
    const listed = await callRoute(list, { token: viewerToken });
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain(SECRET);
    const one = await callRoute(readOne, { token: viewerToken, params: { id } });
    expect(one.body.integration.name).toBe("HR");

    // The stored key is dated an hour back, so the replacement must date itself anew: no waiting for the clock.
    const changedAt = Date.parse(created.body.integration.secrets.apiKey.changedAt);
    const before = new Date(changedAt - 3_600_000).toISOString();
    await t.sql`update integrations set secrets = jsonb_set(secrets, '{apiKey,changedAt}', ${JSON.stringify(before)})
      where id = ${id}`;
    const stored = await callRoute(readOne, { token: viewerToken, params: { id } });
    expect(stored.body.integration.secrets.apiKey.changedAt).toBe(before);
    const replaced = await callRoute(PATCH, {
      method: "PATCH",
      token: adminToken,
      params: { id },
      body: { secrets: { apiKey: "new-key-value-123" } },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.text).not.toContain("new-key-value-123");
    expect(replaced.body.integration.secrets.apiKey.changedAt > before).toBe(true);
  });

  it("answers 400 with every problem, positioned, for bad input", async () => {
    const bad = await callRoute(create, {
      token: adminToken,
      body: { name: "", endpointUrl: "ftp://x", authType: "carrier-pigeon", scheduleCron: "0 2 * *" },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "endpointUrl", "authType"]));
    const notJson = await callRoute(create, { token: adminToken, body: "{nope" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("invalid_json");
    expect(notJson.body.error.message).toMatch(/^The request body is not valid JSON at line 1, column 2: /);
    const cron = await callRoute(create, {
      token: adminToken,
      body: { ...apiKeyIntegration, scheduleCron: "0 2 * *" },
    });
    expect(cron.body.error.details).toEqual([
      expect.objectContaining({ path: "scheduleCron", message: expect.stringMatching(/five fields/) }),
    ]);
    const mapping = await callRoute(create, {
      token: adminToken,
      body: { ...apiKeyIntegration, mapping: [{ key: "x", source: "user.emial" }] },
    });
    expect(mapping.status).toBe(400);
    expect(mapping.body.error.details[0]).toMatchObject({
      path: "mapping.0",
      message: expect.stringMatching(/user\.email/),
    });
  });

  it("reads a client certificate at save time and refuses a wrong passphrase clearly", async () => {
    const pki = getTestPki();
    const pfx = toPfxBase64(pki.client, "right-pass");
    const wrong = await callRoute(create, {
      token: adminToken,
      body: {
        ...apiKeyIntegration,
        authType: "client_cert",
        secrets: { clientCertPfx: pfx, clientCertPassphrase: "wrong-pass" },
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/passphrase/i);
    const right = await callRoute(create, {
      token: adminToken,
      body: {
        ...apiKeyIntegration,
        authType: "client_cert",
        secrets: { clientCertPfx: pfx, clientCertPassphrase: "right-pass" },
      },
    });
    expect(right.status).toBe(201);
    expect(right.body.integration.clientCertInfo.subject).toContain("CN=");
    expect(right.text).not.toContain(pfx.slice(0, 40));
  });

  it("refuses viewers, strangers and http:// in production", async () => {
    expect((await callRoute(create, { token: viewerToken, body: apiKeyIntegration })).status).toBe(403);
    expect((await callRoute(create, { token: "lms_forged", body: apiKeyIntegration })).status).toBe(401);
    process.env.APP_ENV = "production";
    resetSettingsCache();
    try {
      const http = await callRoute(create, {
        token: adminToken,
        body: { ...apiKeyIntegration, endpointUrl: "http://hr.example.com/in" },
      });
      expect(http.status).toBe(400);
      expect(http.body.error.message).toMatch(/https/);
      const none = await callRoute(create, {
        token: adminToken,
        body: { ...apiKeyIntegration, authType: "none" },
      });
      expect(none.status).toBe(400);
    } finally {
      delete process.env.APP_ENV;
      resetSettingsCache();
    }
  });
});
