import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAllPools, testConnection } from "./index";
import { type OAuthServer, startOAuthServer } from "./test-support/oauth-server";
import { getTestPki } from "./test-support/pki";
import {
  bearerOf,
  json,
  type LoginServer,
  type Receiver,
  type RecordedRequest,
  requireAuth,
  startLoginServer,
  startReceiver,
} from "./test-support/servers";
import { testSettings } from "./test-support/settings";
import type { TestStage } from "./types";

const pki = getTestPki();
let receiver: Receiver;
let login: LoginServer;
let oauth: OAuthServer;
beforeAll(async () => {
  [receiver, login, oauth] = await Promise.all([
    startReceiver(),
    startLoginServer({ username: "lms", password: "pw" }),
    startOAuthServer(
      [{ clientId: "lms", clientSecret: "secret-1", scope: "completions:write" }],
      ["completions:write"],
    ),
  ]);
});
afterAll(async () => {
  await closeAllPools();
  await Promise.all([receiver.close(), login.close(), oauth.close()]);
});

const names = (stages: TestStage[]) => stages.map((s) => `${s.name}:${s.ok ? "ok" : "failed"}`);
const apiKeyCheck = (r: RecordedRequest) => r.headers["x-api-key"] === "key-123456";

describe("testConnection", () => {
  it("reports DNS, connect, TLS (with the server certificate) and HTTP, sending one GET with auth and no body", async () => {
    receiver.respondWith(requireAuth(apiKeyCheck));
    const settings = testSettings(receiver.url.replace("127.0.0.1", "localhost"), {
      authType: "api_key",
      secrets: { apiKey: "key-123456" },
    });
    const before = receiver.requests.length;
    const result = await testConnection({ settings, target: "production" });
    expect(result).toMatchObject({ ok: true, verdict: "passed", method: "GET" });
    expect(names(result.stages)).toEqual(["dns:ok", "connect:ok", "tls:ok", "http:ok"]);
    const tls = result.stages[2];
    expect(tls?.certificate).toMatchObject({
      subject: expect.stringContaining("CN=localhost"),
      issuer: expect.stringContaining("LMS Sync Test CA"),
    });
    expect(tls?.detail).toMatch(/TLSv1\.3/);
    // This server's end of the connection, for the IT handout when OUTBOUND_IPS is unset.
    expect(result.localAddress).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(result.stages.every((s) => s.durationMs >= 0)).toBe(true);
    expect(receiver.requests.length).toBe(before + 1);
    expect(receiver.requests.at(-1)).toMatchObject({ method: "GET", body: "" });
    expect(receiver.requests.at(-1)?.headers["content-type"]).toBeUndefined();
  });

  it("explains a 405 to GET: reachable, only POST, authentication not proven", async () => {
    receiver.respondWith(json(405, { error: "method not allowed" }, { allow: "POST" }));
    const result = await testConnection({ settings: testSettings(receiver.url), target: "production" });
    expect(result).toMatchObject({ ok: true, verdict: "reachable" });
    expect(result.stages.at(-1)).toMatchObject({ name: "http", ok: true });
    expect(result.diagnosis?.cause).toMatch(/reachable.*only POST.*not proven/);
    expect(result.diagnosis?.fix).toMatch(/Test with user/);
  });

  it("sends OPTIONS when asked", async () => {
    await testConnection({ settings: testSettings(receiver.url), target: "production", method: "OPTIONS" });
    expect(receiver.requests.at(-1)?.method).toBe("OPTIONS");
  });

  it("diagnoses a 401 in the HTTP stage", async () => {
    receiver.respondWith(requireAuth(apiKeyCheck));
    const settings = testSettings(receiver.url, { authType: "api_key", secrets: { apiKey: "wrong-key" } });
    const result = await testConnection({ settings, target: "production" });
    expect(result).toMatchObject({ ok: false, verdict: "failed" });
    expect(result.stages.at(-1)).toMatchObject({
      name: "http",
      ok: false,
      detail: expect.stringMatching(/401/),
    });
    expect(result.diagnosis?.cause).toMatch(/API key/);
  });

  it("adds a token stage for OAuth2, fetching a fresh token that the HTTP stage then uses", async () => {
    receiver.respondWith(requireAuth((r) => oauth.isValid(bearerOf(r))));
    const settings = testSettings(receiver.url, {
      authType: "oauth2",
      auth: { tokenUrl: oauth.tokenUrl, clientId: "lms" },
      secrets: { clientSecret: "secret-1" },
    });
    const before = oauth.tokenRequests;
    const result = await testConnection({ settings, target: "production" });
    expect(names(result.stages)).toEqual(["dns:ok", "connect:ok", "tls:ok", "token:ok", "http:ok"]);
    expect(result.stages[3]?.detail).toMatch(/valid for \d+ s/);
    expect(oauth.tokenRequests).toBe(before + 1);
  });

  it("logs in once and sends one GET when the receiver refuses the fresh token (no second login)", async () => {
    receiver.respondWith(json(401, { error: "token not accepted here" }));
    const settings = testSettings(receiver.url, {
      authType: "bearer_login",
      auth: { loginUrl: login.url, username: "lms" },
      secrets: { password: "pw" },
    });
    const [logins, sent] = [login.logins, receiver.requests.length];
    const result = await testConnection({ settings, target: "production" });
    expect(names(result.stages)).toEqual(["dns:ok", "connect:ok", "tls:ok", "token:ok", "http:failed"]);
    expect(login.logins).toBe(logins + 1);
    expect(receiver.requests.length).toBe(sent + 1);
  });

  it("passes on a 2xx to its GET even when the POST's success codes are narrower", async () => {
    receiver.respondWith(json(200, { ok: true }));
    const settings = testSettings(receiver.url, { successCodes: "201" });
    const result = await testConnection({ settings, target: "production" });
    expect(result).toMatchObject({ ok: true, verdict: "passed" });
  });

  it("stops at the token stage when login fails, with the login diagnosis", async () => {
    const settings = testSettings(receiver.url, {
      authType: "bearer_login",
      auth: { loginUrl: login.url, username: "lms" },
      secrets: { password: "wrong" },
    });
    const before = receiver.requests.length;
    const result = await testConnection({ settings, target: "production" });
    expect(names(result.stages)).toEqual(["dns:ok", "connect:ok", "tls:ok", "token:failed"]);
    expect(result.outcome).toMatchObject({ status: 401, error: { code: "login_failed" } });
    expect(result.diagnosis?.cause).toMatch(/login endpoint refused/);
    expect(receiver.requests.length).toBe(before);
  });

  it("shows an untrusted server certificate in the TLS stage", async () => {
    const result = await testConnection({
      settings: testSettings(receiver.url, { caBundlePem: null }),
      target: "production",
    });
    expect(names(result.stages)).toEqual(["dns:ok", "connect:ok", "tls:failed"]);
    expect(result.stages[2]?.certificate?.issuer).toMatch(/LMS Sync Test CA/);
    expect(result.localAddress).toBe("127.0.0.1");
    expect(result.diagnosis?.fix).toMatch(/CA bundle/);
  });

  it("shows an expired server certificate in the TLS stage", async () => {
    const expired = await startReceiver({ certificate: pki.expiredServer });
    const result = await testConnection({ settings: testSettings(expired.url), target: "production" });
    await expired.close();
    expect(names(result.stages)).toEqual(["dns:ok", "connect:ok", "tls:failed"]);
    expect(result.diagnosis?.cause).toMatch(/expired/);
  });

  it("stops at connect when nothing listens, and at DNS for an unknown host", async () => {
    const gone = await startReceiver();
    await gone.close();
    const refused = await testConnection({ settings: testSettings(gone.url), target: "production" });
    expect(names(refused.stages)).toEqual(["dns:ok", "connect:failed"]);
    expect(refused.diagnosis?.cause).toMatch(/connection refused/);
    expect(refused.localAddress).toBeUndefined();
    const unknown = await testConnection({
      settings: testSettings("https://lms-sync-receiver.invalid/"),
      target: "production",
    });
    expect(names(unknown.stages)).toEqual(["dns:failed"]);
    expect(unknown.diagnosis?.cause).toMatch(/DNS/);
  });

  it("has no TLS stage for http:// (outside production)", async () => {
    const plain = await startReceiver({ plain: true });
    const result = await testConnection({ settings: testSettings(plain.url), target: "test" });
    await plain.close();
    expect(names(result.stages)).toEqual(["dns:ok", "connect:ok", "http:ok"]);
  });

  it("explains a client certificate the receiver rejects", async () => {
    const mtls = await startReceiver({ requireClientCert: true });
    const settings = testSettings(mtls.url, {
      authType: "client_cert",
      secrets: { clientCertPem: pki.otherCaClient.certPem, clientKeyPem: pki.otherCaClient.keyPem },
    });
    const result = await testConnection({ settings, target: "production" });
    await mtls.close();
    expect(result.ok).toBe(false);
    expect(result.outcome?.error?.code).toBe("tls_client_cert");
    expect(result.diagnosis?.cause).toMatch(/client certificate/);
  });
});
