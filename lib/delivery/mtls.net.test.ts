import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAllPools, sendAttempt } from "./index";
import { getTestPki, toPfxBase64 } from "./test-support/pki";
import { type Receiver, startReceiver } from "./test-support/servers";
import { testSettings } from "./test-support/settings";
import type { ConnectionSettings } from "./types";

const pki = getTestPki();
let mtls: Receiver;
let mtls12: Receiver;
beforeAll(async () => {
  mtls = await startReceiver({ requireClientCert: true });
  mtls12 = await startReceiver({ requireClientCert: true, maxTls12: true });
});
afterAll(async () => {
  await closeAllPools();
  await Promise.all([mtls.close(), mtls12.close()]);
});

const send = (settings: ConnectionSettings) =>
  sendAttempt({ settings, target: "production", body: { a: 1 }, idempotencyKey: "k" });
const withPem = (url: string, cert = pki.client, extra: Partial<ConnectionSettings> = {}) =>
  testSettings(url, {
    authType: "client_cert",
    secrets: { clientCertPem: cert.certPem, clientKeyPem: cert.keyPem },
    ...extra,
  });

describe("client certificates (mTLS)", () => {
  it("is accepted with a PEM certificate and key", async () => {
    const outcome = await send(withPem(mtls.url));
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(mtls.requests.at(-1)?.clientCertCn).toBe("lms-sync-client");
  });

  it("is accepted with a PKCS#12 file and its passphrase", async () => {
    const settings = testSettings(mtls.url, {
      authType: "client_cert",
      secrets: {
        clientCertPfx: toPfxBase64(pki.client, "pfx-pass", [pki.ca]),
        clientCertPassphrase: "pfx-pass",
      },
    });
    expect(await send(settings)).toMatchObject({ ok: true, status: 200 });
    expect(mtls.requests.at(-1)?.clientCertCn).toBe("lms-sync-client");
  });

  it("works together with another auth type", async () => {
    const settings = withPem(mtls.url, pki.client, {
      authType: "api_key",
      auth: { useClientCert: true },
      secrets: { apiKey: "key-123456", clientCertPem: pki.client.certPem, clientKeyPem: pki.client.keyPem },
    });
    expect(await send(settings)).toMatchObject({ ok: true });
    expect(mtls.requests.at(-1)).toMatchObject({
      clientCertCn: "lms-sync-client",
      headers: { "x-api-key": "key-123456" },
    });
  });

  it("a key that does not belong to the certificate is a configuration failure, before anything is sent", async () => {
    const before = mtls.requests.length;
    const outcome = await send(
      testSettings(mtls.url, {
        authType: "client_cert",
        secrets: { clientCertPem: pki.client.certPem, clientKeyPem: pki.otherCaClient.keyPem },
      }),
    );
    expect(outcome).toMatchObject({ ok: false, status: null, error: { code: "config" } });
    expect(outcome.error?.message).toBe(
      "Client certificate: The private key does not belong to the certificate.",
    );
    expect(mtls.requests.length).toBe(before);
  });

  it("a wrong passphrase is a configuration failure that says so, before anything is sent", async () => {
    const before = mtls.requests.length;
    const settings = testSettings(mtls.url, {
      authType: "client_cert",
      secrets: {
        clientCertPfx: toPfxBase64(pki.client, "right"),
        clientCertPassphrase: "not-the-passphrase",
      },
    });
    const outcome = await send(settings);
    expect(outcome).toMatchObject({ ok: false, error: { code: "config" } });
    expect(outcome.error?.message).toMatch(/passphrase is wrong/);
    expect(mtls.requests.length).toBe(before);
  });

  for (const server of ["TLS 1.3", "TLS 1.2"] as const) {
    describe(`rejected by a ${server} server`, () => {
      const url = () => (server === "TLS 1.3" ? mtls.url : mtls12.url);

      it("when no certificate is presented", async () => {
        const outcome = await send(testSettings(url(), { authType: "none" }));
        expect(outcome.ok).toBe(false);
        expect(["tls_client_cert", "tls_handshake"]).toContain(outcome.error?.code);
        expect(outcome.diagnosis?.cause).toMatch(/requires a client certificate and none was presented/);
      });

      it("when the certificate comes from another CA", async () => {
        const outcome = await send(withPem(url(), pki.otherCaClient));
        expect(outcome).toMatchObject({ ok: false, error: { code: "tls_client_cert" } });
        expect(outcome.diagnosis?.cause).toMatch(/did not accept the client certificate/);
      });

      it("when the certificate has expired", async () => {
        const outcome = await send(withPem(url(), pki.expiredClient));
        expect(outcome).toMatchObject({ ok: false, error: { code: "tls_client_cert" } });
        expect(outcome.error?.message).toMatch(/expired on/);
        expect(outcome.diagnosis?.cause).toMatch(/expired/);
      });
    });
  }
});

describe("server certificates", () => {
  let expired: Receiver;
  let untrusted: Receiver;
  let wrongHost: Receiver;
  beforeAll(async () => {
    [expired, untrusted, wrongHost] = await Promise.all([
      startReceiver({ certificate: pki.expiredServer }),
      startReceiver({ certificate: pki.untrustedServer }),
      startReceiver({ certificate: pki.wrongHostServer }),
    ]);
  });
  afterAll(() => Promise.all([expired.close(), untrusted.close(), wrongHost.close()]));

  it("are untrusted without the custom CA bundle, and trusted with it", async () => {
    const outcome = await send(testSettings(untrusted.url, { caBundlePem: null }));
    expect(outcome).toMatchObject({ ok: false, error: { code: "tls_untrusted" } });
    expect(outcome.diagnosis?.fix).toMatch(/CA bundle/);
    expect((await send(testSettings(untrusted.url, { caBundlePem: pki.otherCa.certPem }))).ok).toBe(true);
  });

  it("that expired are reported as expired", async () => {
    const outcome = await send(testSettings(expired.url));
    expect(outcome).toMatchObject({ ok: false, error: { code: "tls_expired" } });
    expect(outcome.diagnosis?.cause).toMatch(/server's certificate has expired/);
  });

  it("for another host name are reported as a name mismatch", async () => {
    const outcome = await send(testSettings(wrongHost.url));
    expect(outcome).toMatchObject({ ok: false, error: { code: "tls_untrusted" } });
    expect(outcome.diagnosis?.cause).toMatch(/different host name/);
  });

  it("an https URL on a plain http port is explained", async () => {
    const plain = await startReceiver({ plain: true });
    const outcome = await send(testSettings(plain.url.replace("http:", "https:")));
    await plain.close();
    expect(outcome).toMatchObject({ ok: false, error: { code: "tls_handshake" } });
    expect(outcome.diagnosis?.cause).toMatch(/does not speak HTTPS/);
  });
});
