import { beforeAll, describe, expect, it } from "vitest";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { json } from "@/lib/delivery/test-support/servers";
import { runSync } from "@/lib/sync/run-sync";
import { seedSyncFixture } from "@/lib/sync/test-support/fixture";
import { syncTestBed } from "@/lib/sync/test-support/test-bed";
import { PATCH, GET as readOne } from "./[id]/route";

const bed = syncTestBed();
const TENANT_SECRET = "tenant-secret-value-7f3a9c";
let adminToken: string;
let viewerToken: string;
let id: string;

beforeAll(async () => {
  process.env.DATABASE_URL = bed.t.url;
  ({ adminToken, viewerToken } = await createApiUsers(bed.t));
  // The receiver echoes the header back, as a debugging endpoint might.
  bed.receiver.setDefault((req, res) =>
    json(200, { tenant: req.headers["x-tenant-key"], region: req.headers["x-region"] })(req, res),
  );
  ({ integrationId: id } = await seedSyncFixture(bed.t.db, {
    endpointUrl: `${bed.receiver.url}in`,
    completions: 3,
    integration: {
      customHeaders: { "X-Region": "eu" },
      secretHeaders: { "X-Tenant-Key": TENANT_SECRET },
      failureThreshold: 100,
    },
  }));
});

const patch = (body: unknown) =>
  callRoute(PATCH, { method: "PATCH", token: adminToken, body, params: { id } });

describe("custom headers marked secret", () => {
  it("are sent with every request, but never shown, logged or audited", async () => {
    await runSync(bed.t.db, id, "manual");
    expect(bed.receiver.requests.length).toBe(3);
    for (const r of bed.receiver.requests) expect(r.headers["x-tenant-key"]).toBe(TENANT_SECRET);

    const read = await callRoute(readOne, { token: viewerToken, params: { id } });
    expect(read.body.integration.customHeaders).toEqual({ "X-Region": "eu" });
    expect(read.body.integration.secretHeaders).toEqual({
      "X-Tenant-Key": { set: true, changedAt: expect.any(String) },
    });
    expect(read.text).not.toContain(TENANT_SECRET);

    const stored = await bed.t.sql`
      select (select string_agg(request_headers::text || response_body, ' ') from sync_log) as log,
             (select string_agg(diff::text, ' ') from audit_events) as audit,
             (select secrets::text from integrations) as secrets`;
    expect(stored[0]!.log).toContain('"X-Tenant-Key": "[redacted]"');
    expect(stored[0]!.log).toContain("eu");
    for (const text of Object.values(stored[0]!)) expect(String(text)).not.toContain(TENANT_SECRET);
  });

  it("are replaced, removed and kept apart from the visible headers on PATCH", async () => {
    const clash = await patch({ secretHeaders: { "x-region": "hidden" } });
    expect(clash.status).toBe(400);
    expect(clash.body.error.details[0]).toMatchObject({ path: "secretHeaders.x-region" });
    expect((await patch({ secretHeaders: { Authorization: "x" } })).status).toBe(400);

    const renamed = await patch({ name: "kept secret headers" });
    expect(renamed.body.integration.secretHeaders).toHaveProperty("X-Tenant-Key");
    const replaced = await patch({ secretHeaders: { "x-tenant-key": "new-value-0000000" } });
    expect(Object.keys(replaced.body.integration.secretHeaders)).toEqual(["x-tenant-key"]);
    const removed = await patch({ secretHeaders: { "x-tenant-key": null } });
    expect(removed.body.integration.secretHeaders).toEqual({});
    expect(removed.body.integration.secrets).toHaveProperty("apiKey");
  });
});
