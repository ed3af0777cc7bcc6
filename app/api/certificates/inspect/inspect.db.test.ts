import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { getTestPki, toPfxBase64 } from "@/lib/delivery/test-support/pki";
import { POST as inspect } from "./route";

let t: TestDatabase;
let adminToken: string;
let viewerToken: string;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ({ adminToken, viewerToken } = await createApiUsers(t));
});
afterAll(async () => {
  await t.drop();
});

describe("POST /api/certificates/inspect", () => {
  it("reads a .pfx's subject, issuer and validity without echoing the file or passphrase", async () => {
    const pfx = toPfxBase64(getTestPki().client, "right-pass");
    const r = await callRoute(inspect, {
      token: adminToken,
      body: { pfxBase64: pfx, passphrase: "right-pass" },
    });
    expect(r.status).toBe(200);
    expect(r.body.certificate).toEqual({
      subject: expect.stringContaining("CN=lms-sync-client"),
      issuer: expect.stringContaining("CN=LMS Sync Test CA"),
      validFrom: expect.any(String),
      validTo: expect.any(String),
      fingerprint256: expect.stringMatching(/^[0-9A-F:]+$/),
    });
    expect(r.text).not.toContain(pfx.slice(0, 40));
    expect(r.text).not.toContain("right-pass");
  });

  it("reads a PEM pair and says clearly what is wrong with a bad one", async () => {
    const { client, otherCaClient } = getTestPki();
    const ok = await callRoute(inspect, {
      token: adminToken,
      body: { certPem: client.certPem, keyPem: client.keyPem },
    });
    expect(ok.status).toBe(200);
    const noKey = await callRoute(inspect, { token: adminToken, body: { certPem: client.certPem } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.details).toEqual([
      { path: "secrets.clientCertPem", message: expect.stringMatching(/private key is missing/) },
    ]);
    const mismatch = await callRoute(inspect, {
      token: adminToken,
      body: { certPem: client.certPem, keyPem: otherCaClient.keyPem },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).not.toContain("PRIVATE KEY");
    const wrong = await callRoute(inspect, {
      token: adminToken,
      body: { pfxBase64: toPfxBase64(client, "right-pass"), passphrase: "wrong" },
    });
    expect(wrong.body.error.message).toMatch(/passphrase/i);
  });

  it("is for admins only and wants exactly one format", async () => {
    const body = { certPem: getTestPki().client.certPem, keyPem: getTestPki().client.keyPem };
    expect((await callRoute(inspect, { token: viewerToken, body })).status).toBe(403);
    expect((await callRoute(inspect, { token: "lms_forged", body })).status).toBe(401);
    const both = await callRoute(inspect, { token: adminToken, body: { ...body, pfxBase64: "AAAA" } });
    expect(both.status).toBe(400);
    expect((await callRoute(inspect, { token: adminToken, body: {} })).status).toBe(400);
  });
});
