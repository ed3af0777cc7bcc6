import { beforeAll, describe, expect, it } from "vitest";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { getTestPki, toPfxBase64 } from "@/lib/delivery/test-support/pki";
import { json } from "@/lib/delivery/test-support/servers";
import { pdfText } from "@/lib/handout/test-support/pdf-text";
import type { CreateIntegrationInput } from "@/lib/integrations/schemas";
import { resetSettingsCache } from "@/lib/settings";
import { runSync } from "@/lib/sync/run-sync";
import { addTestIntegration, RECEIVER_API_KEY, seedSyncFixture } from "@/lib/sync/test-support/fixture";
import { syncTestBed } from "@/lib/sync/test-support/test-bed";
import { POST as turnOnSigning } from "../signing/route";
import { GET as handoutRoute } from "./route";

const bed = syncTestBed();
let adminToken: string;
let viewerToken: string;
let apiKeyId: string;

/** Every secret an integration can hold, each unlike anything else in a handout. */
const SECRETS = {
  apiKey: RECEIVER_API_KEY,
  token: "bearer-token-7c1f0e9a2b",
  password: "basic-password-41d8c2",
  loginPassword: "login-password-9e7a55",
  clientSecret: "oauth-client-secret-b63f10",
  secretHeader: "tenant-header-secret-2a9d4c",
  passphrase: "pfx-passphrase-0f3e8b",
};

/** GET the handout as Next would; the body's bytes, as the browser downloads them. */
async function download(id: string, format: "md" | "pdf", token = viewerToken) {
  const request = new Request(`http://localhost/api/integrations/${id}/handout?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const response = await handoutRoute(request, { params: Promise.resolve({ id }) });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}
const markdown = async (id: string) => new TextDecoder().decode((await download(id, "md")).bytes);

/** Each secret as it could leak: as is, and the forms the scrubber also masks. */
function leakForms(secrets: string[]): string[] {
  return secrets.flatMap((s) => [s, Buffer.from(s).toString("base64"), s.replace(/^whsec_/, "")]);
}

const integrations: { id: string; secrets: string[] }[] = [];
async function addWithSecrets(settings: Partial<CreateIntegrationInput>, secrets: string[]) {
  const { integrationId } = await addTestIntegration(bed.t.db, {
    endpointUrl: `${bed.receiver.url}completions`,
    testUrl: `${bed.receiver.url}test`,
    ...settings,
  });
  const on = await callRoute(turnOnSigning, { token: adminToken, params: { id: integrationId }, body: {} });
  expect(on.status).toBe(201);
  const [row] = await bed.t.sql<{ secrets: Record<string, { ciphertext: string }> }[]>`
    select secrets from integrations where id = ${integrationId}`;
  const ciphertexts = Object.values(row!.secrets).map((s) => s.ciphertext);
  integrations.push({ id: integrationId, secrets: [...secrets, on.body.signingSecret, ...ciphertexts] });
  return integrationId;
}

beforeAll(async () => {
  process.env.DATABASE_URL = bed.t.url;
  delete process.env.OUTBOUND_IPS;
  resetSettingsCache();
  ({ adminToken, viewerToken } = await createApiUsers(bed.t));
  ({ integrationId: apiKeyId } = await seedSyncFixture(bed.t.db, {
    endpointUrl: `${bed.receiver.url}completions`,
    completions: 3,
    integration: { name: "HR system", testUrl: `${bed.receiver.url}test` },
  }));
  const pfx = toPfxBase64(getTestPki().client, SECRETS.passphrase, [getTestPki().ca]);
  await addWithSecrets(
    {
      name: "API key, certificate and secret header",
      authConfig: { headerName: "X-HR-Key", useClientCert: true },
      secrets: { apiKey: SECRETS.apiKey, clientCertPfx: pfx, clientCertPassphrase: SECRETS.passphrase },
      secretHeaders: { "X-Tenant-Secret": SECRETS.secretHeader },
    },
    [SECRETS.apiKey, SECRETS.passphrase, SECRETS.secretHeader, pfx],
  );
  await addWithSecrets({ name: "Bearer", authType: "bearer", secrets: { token: SECRETS.token } }, [
    SECRETS.token,
  ]);
  await addWithSecrets(
    {
      name: "Basic",
      authType: "basic",
      authConfig: { username: "lms" },
      secrets: { password: SECRETS.password },
    },
    [SECRETS.password, `lms:${SECRETS.password}`],
  );
  await addWithSecrets(
    {
      name: "Login",
      authType: "bearer_login",
      authConfig: { loginUrl: `${bed.receiver.url}login`, username: "lms" },
      secrets: { password: SECRETS.loginPassword },
    },
    [SECRETS.loginPassword],
  );
  await addWithSecrets(
    {
      name: "OAuth2",
      authType: "oauth2",
      authConfig: { tokenUrl: `${bed.receiver.url}token`, clientId: "lms-sync", scope: "completions.write" },
      secrets: { clientSecret: SECRETS.clientSecret },
    },
    [SECRETS.clientSecret, `lms-sync:${SECRETS.clientSecret}`],
  );
}, 60_000);

describe("the IT handout download", () => {
  it("holds no secret of an integration with every secret set, in Markdown or in the PDF's text", async () => {
    // A log entry that quotes the API key (as a careless receiver might) must come out masked.
    const leaky = integrations[0]!;
    await bed.t.sql`
      insert into sync_log (integration_id, duration_ms, attempt, request_url, request_headers, request_body,
        status, error_code, error_message, outcome, mapping_version)
      values (${leaky.id}, 5, 1, 'https://hr.example.com', '{}'::jsonb, '{}', 400, 'http_status',
        ${`Refused key ${SECRETS.apiKey}`}, 'failure', 1)`;
    // What the save would have read from the certificate (the fixture does not read it).
    const info = {
      subject: "CN=lms-sync-client",
      issuer: "CN=LMS Sync Test CA",
      validFrom: "2026-06-01",
      validTo: "2027-06-01",
    };
    await bed.t
      .sql`update integrations set client_cert_info = ${JSON.stringify(info)}::jsonb where id = ${leaky.id}`;
    for (const { id, secrets } of integrations) {
      const md = await markdown(id);
      const pdf = await pdfText((await download(id, "pdf")).bytes);
      expect(md).toContain("## Authentication");
      expect(pdf.text).toContain("Authentication");
      for (const secret of leakForms(secrets)) {
        expect(md, id).not.toContain(secret);
        expect(pdf.text, id).not.toContain(secret);
      }
    }
    const md = await markdown(leaky.id);
    expect(md).toContain("Refused key [redacted]");
    expect(md).toContain("- the value of the header `X-Tenant-Secret`");
    expect(md).toContain("header `X-HR-Key`");
    expect(md).toContain(
      "subject `CN=lms-sync-client`, issued by `CN=LMS Sync Test CA`, valid until 2027-06-01",
    );
  });

  it("renders a PDF whose text holds the endpoint, the outbound note and the payload", async () => {
    const { response, bytes } = await download(apiKeyId, "pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"hr-system-handout.pdf\"; filename*=UTF-8''hr-system-handout.pdf",
    );
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`${bed.receiver.url}completions`);
    expect(text).toContain("Idempotency-Key");
    expect(text).toContain("employeeId");
  });

  it("builds the example from a real completion with the learner made anonymous", async () => {
    const [latest] = await bed.t.sql<{ email: string; name: string }[]>`
      select u.email, a.name from completions c join users u on u.id = c.user_id
        join activities a on a.id = c.activity_id order by c.id desc limit 1`;
    const md = await markdown(apiKeyId);
    expect(md).toContain("a real completion from this LMS");
    expect(md).toContain(`"courseName": ${JSON.stringify(latest!.name)}`);
    expect(md).toContain('"employeeId": "alex.example@example.com"');
    expect(md).not.toContain(latest!.email);
  });

  it("shows the address this server connected from while OUTBOUND_IPS is unset, and the list once it is set", async () => {
    const unset = await markdown(apiKeyId);
    expect(unset).toContain("OUTBOUND_IPS setting is not set");
    expect(unset).toContain("This server reached your endpoint from `127.0.0.1`");
    process.env.OUTBOUND_IPS = "203.0.113.10,203.0.113.11";
    resetSettingsCache();
    try {
      const set = await markdown(apiKeyId);
      expect(set).toContain("In short: allow 203.0.113.10 and 203.0.113.11.");
      expect(set).not.toContain("127.0.0.1`: the local address");
    } finally {
      delete process.env.OUTBOUND_IPS;
      resetSettingsCache();
    }
  });

  it("lists this integration's own recent failures, counted by kind", async () => {
    bed.receiver.setDefault(json(422, { error: "unknown course" }));
    await runSync(bed.t.db, apiKeyId, "manual");
    bed.receiver.setDefault(json(200, { ok: true }));
    const md = await markdown(apiKeyId);
    expect(md).toMatch(
      /\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \| 3 \| HTTP 422 \| The receiver rejected the payload's format or content \(HTTP 422\)\. \|/,
    );
    // Another integration's failures are not in it.
    expect(md).not.toContain("Refused key");
  });

  it("lets viewers download, and answers an unknown id with 404 and a bad format with 400", async () => {
    expect((await download(apiKeyId, "md", viewerToken)).response.status).toBe(200);
    const missing = await callRoute(handoutRoute, {
      token: viewerToken,
      params: { id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(missing.status).toBe(404);
    const bad = await callRoute(handoutRoute, {
      token: viewerToken,
      path: `/api/integrations/${apiKeyId}/handout?format=docx`,
      params: { id: apiKeyId },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("format");
  });
});
