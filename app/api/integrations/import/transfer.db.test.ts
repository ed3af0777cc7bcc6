import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { json } from "@/lib/delivery/test-support/servers";
import { DOCUMENT_SETTING_KEYS } from "@/lib/integrations/transfer-schemas";
import { RECEIVER_API_KEY, seedSyncFixture } from "@/lib/sync/test-support/fixture";
import { syncTestBed } from "@/lib/sync/test-support/test-bed";
import { GET as exportRoute } from "../[id]/export/route";
import { GET as readOne } from "../[id]/route";
import { POST as turnOnSigning } from "../[id]/signing/route";
import { POST as testConnection } from "../[id]/test-connection/route";
import { POST as importRoute } from "./route";

const bed = syncTestBed();
const TENANT_SECRET = "tenant-secret-value-5e8d21";
let adminToken: string;
let viewerToken: string;
let id: string;
let signingSecret: string;

beforeAll(async () => {
  process.env.DATABASE_URL = bed.t.url;
  ({ adminToken, viewerToken } = await createApiUsers(bed.t));
  bed.receiver.setDefault(json(200, { ok: true }));
  ({ integrationId: id } = await seedSyncFixture(bed.t.db, {
    endpointUrl: `${bed.receiver.url}prod`,
    completions: 2,
    integration: {
      name: "HR test system",
      testUrl: `${bed.receiver.url}test`,
      customHeaders: { "X-Region": "eu" },
      secretHeaders: { "X-Tenant-Key": TENANT_SECRET },
      scheduleCron: "30 5 * * 1-5",
      scheduleTimeZone: "Europe/Copenhagen",
      retrySchedule: [30, 600],
      failureThreshold: 25,
      concurrency: 2,
      notificationEmails: ["it@example.com"],
      mapping: [
        { key: "who", source: "user.email" },
        { key: "status", source: "completion.bestCombined", transforms: "statusMap:100=passed,*=failed" },
      ],
    },
  }));
  const on = await callRoute(turnOnSigning, { token: adminToken, params: { id }, body: {} });
  signingSecret = on.body.signingSecret;
});

const exportDoc = () => callRoute(exportRoute, { token: adminToken, params: { id } });
const importDoc = (body: unknown) => callRoute(importRoute, { token: adminToken, body });
const integrationCount = async () =>
  (await bed.t.sql<{ n: number }[]>`select count(*)::int as n from integrations`)[0]!.n;

describe("export and import of an integration", () => {
  it("exports settings and mapping with no secret in the document, and says what an import needs", async () => {
    expect((await callRoute(exportRoute, { token: viewerToken, params: { id } })).status).toBe(403);
    const r = await exportDoc();
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      format: "lms-sync.integration",
      formatVersion: 1,
      secretHeaders: ["X-Tenant-Key"],
      signing: true,
      integration: { name: "HR test system", authType: "api_key", customHeaders: { "X-Region": "eu" } },
    });
    expect(r.body.needs.map((n: { path: string }) => n.path)).toEqual([
      "secrets.apiKey",
      "secretHeaders.X-Tenant-Key",
    ]);
    const [row] = await bed.t.sql<{ secrets: Record<string, { ciphertext: string }> }[]>`
      select secrets from integrations where id = ${id}`;
    const secrets = [RECEIVER_API_KEY, TENANT_SECRET, signingSecret, signingSecret.slice(6)];
    const ciphertexts = Object.values(row!.secrets).map((s) => s.ciphertext);
    for (const s of [...secrets, ...ciphertexts]) expect(r.text).not.toContain(s);
    const [event] = await bed.t.sql`select action from audit_events where action = 'integration.export'`;
    expect(event).toBeDefined();
  });

  it("imports the document into an equivalent integration, asking only for the secrets", async () => {
    const doc = (await exportDoc()).body;
    const before = await integrationCount();
    const r = await importDoc({
      document: doc,
      secrets: { apiKey: RECEIVER_API_KEY },
      secretHeaders: { "X-Tenant-Key": TENANT_SECRET },
    });
    expect(r.status).toBe(201);
    expect(await integrationCount()).toBe(before + 1);
    const copy = r.body.integration;
    const original = (await callRoute(readOne, { token: adminToken, params: { id } })).body.integration;
    expect(copy.id).not.toBe(id);
    for (const key of DOCUMENT_SETTING_KEYS) expect([key, copy[key]]).toEqual([key, original[key]]);
    expect(Object.keys(copy.secrets)).toEqual(["apiKey"]);
    expect(Object.keys(copy.secretHeaders)).toEqual(["X-Tenant-Key"]);
    // Signing was on: the copy signs with a new secret, shown once in the reply.
    const fresh: string = r.body.signingSecret;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(signingSecret);
    const sent = bed.receiver.requests.length;
    const tested = await callRoute(testConnection, { token: adminToken, params: { id: copy.id }, body: {} });
    expect(tested.body.result.ok).toBe(true);
    const req = bed.receiver.requests[sent]!;
    expect(req.headers["x-tenant-key"]).toBe(TENANT_SECRET);
    expect(() =>
      new Webhook(fresh).verify(req.body, {
        "webhook-id": String(req.headers["webhook-id"]),
        "webhook-timestamp": String(req.headers["webhook-timestamp"]),
        "webhook-signature": String(req.headers["webhook-signature"]),
      }),
    ).not.toThrow();
    const [event] = await bed.t.sql<{ diff: { new: Record<string, unknown> } }[]>`
      select diff from audit_events where action = 'integration.import'`;
    expect(event!.diff.new).toMatchObject({ name: "HR test system", exportedAt: doc.exportedAt });
    expect(JSON.stringify(event)).not.toContain(TENANT_SECRET);
  });

  it("asks for every secret the auth type and the secret headers need, and stores nothing without them", async () => {
    const doc = (await exportDoc()).body;
    const before = await integrationCount();
    const r = await importDoc({ document: doc });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([
      { path: "secretHeaders.X-Tenant-Key", message: expect.stringMatching(/secret header X-Tenant-Key/) },
      { path: "secrets.apiKey", message: "Enter the API key" },
    ]);
    expect(await integrationCount()).toBe(before);
  });

  it("refuses a bad document with every problem at its path, before storing anything", async () => {
    const doc = (await exportDoc()).body;
    const before = await integrationCount();
    const badShape = await importDoc({
      document: {
        ...doc,
        format: "something-else",
        integration: { ...doc.integration, timeoutMs: 5, concurrency: "many", surprise: 1 },
      },
      secrets: { apiKey: "k" },
    });
    expect(badShape.status).toBe(400);
    const paths = badShape.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "document.format",
        "document.integration.timeoutMs",
        "document.integration.concurrency",
        "document.integration",
      ]),
    );
    const badRules = await importDoc({
      document: {
        ...doc,
        integration: {
          ...doc.integration,
          scheduleCron: "61 * * * *",
          mapping: [{ key: "x", source: "user.email", transforms: "stausMap:1=a" }],
        },
      },
      secrets: { apiKey: "k" },
      secretHeaders: { "X-Tenant-Key": "v" },
    });
    expect(badRules.status).toBe(400);
    expect(badRules.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "document.integration.scheduleCron",
      "document.integration.mapping.0",
    ]);
    expect((await importDoc({ document: "not a document" })).status).toBe(400);
    expect(await integrationCount()).toBe(before);
  });
});
