import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findIntegration } from "@/db/queries/integrations";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { resetSettingsCache } from "@/lib/settings";
import { ensureTestSecretKey } from "@/lib/sync/test-support/fixture";
import { PATCH } from "./[id]/route";
import { POST as create } from "./route";

let t: TestDatabase;
let adminToken: string;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ensureTestSecretKey();
  ({ adminToken } = await createApiUsers(t));
});
afterAll(async () => {
  await t.drop();
});

/** An integration with every setting away from its default, as an administrator would have configured it. */
const CONFIGURED = {
  name: "HR (configured)",
  endpointUrl: "https://hr.example.com/in",
  testUrl: "https://hr-test.example.com/in",
  authType: "api_key",
  authConfig: { headerName: "X-Tenant-Key" },
  secrets: { apiKey: "configured-api-key-1234", password: "unrelated-secret-5678" },
  caBundlePem: null,
  successCodes: "200-299,304",
  timeoutMs: 12_000,
  customHeaders: { "X-Tenant": "acme" },
  scheduleCron: "*/5 * * * *",
  scheduleTimeZone: "Europe/Copenhagen",
  retrySchedule: [30, 600, 3600, 7200],
  failureThreshold: 25,
  concurrency: 8,
  syncOnCompletion: true,
  syncDebounceSeconds: 45,
  resendOnUpdate: true,
  notificationEmails: ["it@example.com", "hr@example.com"],
  sendFrom: "2026-01-01T00:00:00.000Z",
};

async function createConfigured(): Promise<string> {
  const r = await callRoute(create, { token: adminToken, body: CONFIGURED });
  expect(r.status).toBe(201);
  return r.body.integration.id;
}

const patch = (id: string, body: unknown) =>
  callRoute(PATCH, { method: "PATCH", token: adminToken, body, params: { id } });

/** Everything stored about an integration that a settings save could touch (secrets as ciphertext). */
async function stored(id: string) {
  const row = (await findIntegration(t.db, id))!;
  const { updatedAt: _u, updatedBy: _b, settingsVersion: _v, ...rest } = row;
  return rest;
}

describe("PATCH /api/integrations/:id changes only what it names", () => {
  it("a changed name keeps the schedule, time zone, header name, headers, retries and e-mails", async () => {
    const id = await createConfigured();
    const before = await stored(id);
    const r = await patch(id, { name: "HR renamed" });
    expect(r.status).toBe(200);
    expect(await stored(id)).toEqual({ ...before, name: "HR renamed" });
    expect(r.body.integration).toMatchObject({
      scheduleCron: "*/5 * * * *",
      scheduleTimeZone: "Europe/Copenhagen",
      authConfig: { headerName: "X-Tenant-Key" },
      customHeaders: { "X-Tenant": "acme" },
      retrySchedule: [30, 600, 3600, 7200],
      timeoutMs: 12_000,
      concurrency: 8,
      failureThreshold: 25,
      notificationEmails: ["it@example.com", "hr@example.com"],
    });
  });

  it("a replaced secret changes that secret only", async () => {
    const id = await createConfigured();
    const before = await stored(id);
    expect((await patch(id, { secrets: { apiKey: "replaced-key-0000" } })).status).toBe(200);
    const after = await stored(id);
    expect(after.secrets.apiKey!.ciphertext).not.toBe(before.secrets.apiKey!.ciphertext);
    expect(after.secrets.password).toEqual(before.secrets.password);
    expect({ ...after, secrets: null }).toEqual({ ...before, secrets: null });
  });

  it("null clears a nullable setting; an empty body or only a version is a 400 that changes nothing", async () => {
    const id = await createConfigured();
    expect((await patch(id, { testUrl: null })).body.integration.testUrl).toBeNull();
    const before = await stored(id);
    for (const body of [{}, { version: 2 }]) {
      const r = await patch(id, body);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/Nothing to change/);
    }
    const typo = await patch(id, { schedule: "0 3 * * *" });
    expect(typo.status).toBe(400);
    expect(await stored(id)).toEqual(before);
  });

  it("checks a changed cron in the stored time zone and a changed type's required settings", async () => {
    const id = await createConfigured();
    const badCron = await patch(id, { scheduleCron: "every minute" });
    expect(badCron.status).toBe(400);
    expect(badCron.body.error.details[0].path).toBe("scheduleCron");
    const oauth = await patch(id, { authType: "oauth2" });
    expect(oauth.status).toBe(400);
    expect(oauth.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "authConfig.tokenUrl",
      "authConfig.clientId",
      "secrets.clientSecret",
    ]);
    const bearer = await patch(id, { authType: "bearer", secrets: { token: "t-123456789" } });
    expect(bearer.status).toBe(200);
    // The API-key header name belongs to the old type and is dropped with it.
    expect(bearer.body.integration.authConfig).toEqual({});
  });
});

describe("when to send", () => {
  it("is off by default; turning sync on completion on keeps its wait, resend on update and the rest", async () => {
    const created = await callRoute(create, {
      token: adminToken,
      body: { name: "Plain", endpointUrl: "https://hr.example.com/in", authType: "none" },
    });
    expect(created.status).toBe(201);
    expect(created.body.integration).toMatchObject({
      syncOnCompletion: false,
      syncDebounceSeconds: 10,
      resendOnUpdate: false,
    });

    const id = await createConfigured();
    expect((await patch(id, { syncOnCompletion: false })).status).toBe(200);
    const before = await stored(id);
    const r = await patch(id, { syncOnCompletion: true });
    expect(r.status).toBe(200);
    expect(await stored(id)).toEqual({ ...before, syncOnCompletion: true });
    expect(r.body.integration).toMatchObject({
      syncDebounceSeconds: 45,
      resendOnUpdate: true,
      concurrency: 8,
    });
  });

  it("keeps the wait between 1 and 300 seconds: outside is a 400 on that field that changes nothing", async () => {
    const id = await createConfigured();
    const before = await stored(id);
    for (const syncDebounceSeconds of [0, 301, 1.5]) {
      const r = await patch(id, { syncDebounceSeconds, resendOnUpdate: false });
      expect(r.status).toBe(400);
      expect(r.body.error.details.map((d: { path: string }) => d.path)).toEqual(["syncDebounceSeconds"]);
    }
    expect(await stored(id)).toEqual(before);
    expect((await patch(id, { syncDebounceSeconds: 300 })).body.integration.syncDebounceSeconds).toBe(300);
  });
});

describe("production's URL policy on every URL setting", () => {
  it("refuses http, private addresses (IPv6 forms included) and credentials in login and token URLs", async () => {
    const id = await createConfigured();
    process.env.APP_ENV = "production";
    resetSettingsCache();
    try {
      const cases: [Record<string, unknown>, string][] = [
        [{ endpointUrl: "https://[::ffff:0:7f00:1]/in" }, "endpointUrl"],
        [{ testUrl: "https://[2002:7f00:1::]/in" }, "testUrl"],
        [
          {
            authType: "bearer_login",
            authConfig: { loginUrl: "http://login.example.com/", username: "u" },
            secrets: { password: "pw-123456789" },
          },
          "authConfig.loginUrl",
        ],
        [
          {
            authType: "oauth2",
            authConfig: { tokenUrl: "https://[::127.0.0.1]/token", clientId: "c" },
            secrets: { clientSecret: "cs-123456789" },
          },
          "authConfig.tokenUrl",
        ],
        [
          {
            authType: "oauth2",
            authConfig: { tokenUrl: "https://id:secret@id.example.com/token", clientId: "c" },
            secrets: { clientSecret: "cs-123456789" },
          },
          "authConfig.tokenUrl",
        ],
      ];
      for (const [body, path] of cases) {
        const r = await patch(id, body);
        expect(r.status, JSON.stringify(body)).toBe(400);
        expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
    } finally {
      delete process.env.APP_ENV;
      resetSettingsCache();
    }
  });
});

describe("two admins editing at once", () => {
  it("refuses a save made from an older version with a 409 that names who changed what, and keeps their change", async () => {
    const id = await createConfigured();
    const version = (await patch(id, { name: "v2" })).body.integration.version;
    const first = await patch(id, { scheduleCron: "0 3 * * *", scheduleTimeZone: "UTC", version });
    expect(first.status).toBe(200);
    expect(first.body.integration.version).toBe(version + 1);

    const second = await patch(id, { name: "second admin's name", version });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("conflict");
    expect(second.body.error.message).toMatch(/admin@t\.local changed schedule, time zone at /);
    expect(second.body.error.details).toEqual({
      currentVersion: version + 1,
      changes: [
        { by: "admin@t.local (token)", at: expect.any(String), fields: ["scheduleCron", "scheduleTimeZone"] },
      ],
    });
    const row = (await findIntegration(t.db, id))!;
    expect(row.name).toBe("v2");
    expect(row.scheduleCron).toBe("0 3 * * *");
    expect((await patch(id, { name: "after reload", version: version + 1 })).status).toBe(200);
  });
});

// Any subset of settings, with values a form or a script could send; the rest must stay exactly as stored.
const settingArbitraries = {
  name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0 && s.trim() === s),
  endpointUrl: fc.constantFrom("https://a.example.com/in", "https://b.example.org/hook?x=1"),
  testUrl: fc.constantFrom(null, "https://test.example.com/in"),
  successCodes: fc.constantFrom("2xx", "200", "200-299,304"),
  timeoutMs: fc.integer({ min: 1_000, max: 120_000 }),
  customHeaders: fc.dictionary(
    fc.constantFrom("X-A", "X-Tenant", "X-Region"),
    fc.constantFrom("1", "acme", ""),
  ),
  scheduleCron: fc.constantFrom("0 2 * * *", "*/10 * * * *", "30 6 * * 1-5"),
  scheduleTimeZone: fc.constantFrom("UTC", "Europe/Copenhagen", "America/New_York"),
  retrySchedule: fc.array(fc.integer({ min: 1, max: 86_400 }), { maxLength: 10 }),
  failureThreshold: fc.integer({ min: 1, max: 1000 }),
  concurrency: fc.integer({ min: 1, max: 32 }),
  syncOnCompletion: fc.boolean(),
  syncDebounceSeconds: fc.integer({ min: 1, max: 300 }),
  resendOnUpdate: fc.boolean(),
  notificationEmails: fc.array(fc.constantFrom("a@example.com", "b@example.org"), { maxLength: 3 }),
  sendFrom: fc.constantFrom("2025-06-01T00:00:00.000Z", "2026-03-15T12:30:00.000Z"),
  secrets: fc.constantFrom({ apiKey: "k-aaaaaaaaaaaa" }, { password: "p-bbbbbbbbbbbb" }, { password: null }),
};

describe("the update property", () => {
  it("for any subset of settings sent, exactly those keys change and everything else stays, secrets included", async () => {
    const id = await createConfigured();
    await fc.assert(
      fc.asyncProperty(fc.record(settingArbitraries, { requiredKeys: [] }), async (change) => {
        fc.pre(Object.keys(change).length > 0);
        const before = await stored(id);
        const r = await patch(id, change);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        const after = await stored(id);
        const sent = new Set(Object.keys(change));
        for (const key of Object.keys(before) as (keyof typeof before)[]) {
          if (key === "secrets" || sent.has(key)) continue;
          expect(after[key], key).toEqual(before[key]);
        }
        const secretChange = (change.secrets ?? {}) as Record<string, string | null>;
        for (const name of new Set([...Object.keys(before.secrets), ...Object.keys(after.secrets)])) {
          if (name in secretChange) {
            expect(name in after.secrets, name).toBe(secretChange[name] !== null);
          } else {
            expect(after.secrets[name], name).toEqual(before.secrets[name]);
          }
        }
        if (change.name !== undefined) expect(after.name).toBe(change.name);
        if (change.timeoutMs !== undefined) expect(after.timeoutMs).toBe(change.timeoutMs);
        if (change.retrySchedule !== undefined) expect(after.retrySchedule).toEqual(change.retrySchedule);
        if (change.testUrl !== undefined) expect(after.testUrl).toBe(change.testUrl);
      }),
      { numRuns: 60 },
    );
  });
});
