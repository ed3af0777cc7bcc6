import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAllPools, sendAttempt } from "./index";
import { getTestPki } from "./test-support/pki";
import { type Receiver, startReceiver } from "./test-support/servers";
import { testSettings } from "./test-support/settings";

// Library text (OpenSSL's, node's) never reaches the message people read: it is kept as the detail.
const LIBRARY_TEXT = /SSL routines|error:[0-9A-F]{8}|ERR_|CERT_|altnames|openssl/;

let plain: Receiver;
let expired: Receiver;
let wrongHost: Receiver;
beforeAll(async () => {
  const pki = getTestPki();
  [plain, expired, wrongHost] = await Promise.all([
    startReceiver({ plain: true }),
    startReceiver({ certificate: pki.expiredServer }),
    startReceiver({ certificate: pki.wrongHostServer }),
  ]);
});
afterAll(async () => {
  await closeAllPools();
  await Promise.all([plain.close(), expired.close(), wrongHost.close()]);
});

const send = (url: string) =>
  sendAttempt({ settings: testSettings(url), target: "production", body: {}, idempotencyKey: "k" });

describe("a TLS failure is said in words", () => {
  it("https to a port that speaks plain HTTP: the receiver does not speak TLS there", async () => {
    const outcome = await send(plain.url.replace("http:", "https:"));
    expect(outcome.error).toMatchObject({
      code: "tls_handshake",
      message: "The receiver does not speak TLS on this port.",
    });
    expect(outcome.error?.detail).toMatch(/wrong version number/);
  });

  it("an expired server certificate: the day it expired, read from the certificate", async () => {
    const outcome = await send(expired.url);
    const { validTo } = new X509Certificate(getTestPki().expiredServer.certPem);
    const expiredOn = new Date(validTo).toISOString().slice(0, 10);
    expect(outcome.error).toMatchObject({
      code: "tls_expired",
      message: `The receiver's certificate expired on ${expiredOn}.`,
    });
    expect(outcome.error?.detail).toMatch(/certificate has expired \(CERT_HAS_EXPIRED\)/);
  });

  it("a certificate for another host name: the names it is for", async () => {
    const outcome = await send(wrongHost.url.replace("127.0.0.1", "localhost"));
    expect(outcome.error).toMatchObject({
      code: "tls_untrusted",
      message:
        "The host name in the URL does not match the receiver's certificate (it is for hr.example.com).",
    });
    expect(outcome.error?.detail).toMatch(/altnames/);
  });

  it("keeps library text out of every message, and in the detail", async () => {
    for (const url of [plain.url.replace("http:", "https:"), expired.url, wrongHost.url]) {
      const { error, diagnosis } = await send(url);
      expect(error?.message).not.toMatch(LIBRARY_TEXT);
      expect(diagnosis?.cause).not.toMatch(LIBRARY_TEXT);
      expect(error?.detail).toMatch(LIBRARY_TEXT);
    }
  });
});
