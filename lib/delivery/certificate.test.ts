import { describe, expect, it } from "vitest";
import { readCertificate } from "./certificate";
import { getTestPki, toPfxBase64 } from "./test-support/pki";

const pki = getTestPki();

describe("readCertificate", () => {
  it("reads a PKCS#12 file with its passphrase (AES and legacy 3DES)", () => {
    for (const algorithm of ["aes256", "3des"] as const) {
      const result = readCertificate({
        pfxBase64: toPfxBase64(pki.client, "s3cret", [pki.ca], algorithm),
        passphrase: "s3cret",
      });
      expect(result).toMatchObject({ ok: true, subject: expect.stringContaining("CN=lms-sync-client") });
      if (result.ok) {
        expect(result.issuer).toContain("CN=LMS Sync Test CA");
        expect(result.expiresInDays).toBeGreaterThan(300);
        expect(result.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
        expect(Date.parse(result.validTo)).toBeGreaterThan(Date.parse(result.validFrom));
      }
    }
  });

  it("says clearly when the passphrase is wrong", () => {
    const result = readCertificate({ pfxBase64: toPfxBase64(pki.client, "right"), passphrase: "wrong" });
    expect(result).toEqual({ ok: false, error: "The passphrase is wrong for this certificate file." });
  });

  it("refuses something that is not a certificate file", () => {
    expect(readCertificate({ pfxBase64: Buffer.from("hello").toString("base64") })).toMatchObject({
      ok: false,
    });
  });

  it("reads a PEM certificate and key, and shows an expired one with negative days", () => {
    expect(readCertificate(pki.client)).toMatchObject({
      ok: true,
      subject: expect.stringContaining("lms-sync-client"),
    });
    const expired = readCertificate(pki.expiredClient);
    expect(expired.ok && expired.expiresInDays).toBeLessThan(0);
  });

  it("refuses a key that does not belong to the certificate, or a missing key", () => {
    expect(readCertificate({ certPem: pki.client.certPem, keyPem: pki.server.keyPem })).toEqual({
      ok: false,
      error: "The private key does not belong to the certificate.",
    });
    expect(readCertificate({ certPem: pki.client.certPem })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/key is missing/),
    });
    expect(readCertificate({})).toMatchObject({ ok: false });
  });
});
