import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeKeyring } from "./keyring";
import { ciphertextKeyId, decryptSecret, encryptSecret } from "./secrets";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("hex");

describe("secrets at rest", () => {
  it("round-trips and never stores the plaintext", () => {
    const ring = makeKeyring(k1);
    const ct = encryptSecret("s3cr3t-api-key", ring);
    expect(ct).not.toContain("s3cr3t");
    expect(decryptSecret(ct, ring)).toEqual({ ok: true, value: "s3cr3t-api-key" });
  });

  it("uses a fresh IV each time", () => {
    const ring = makeKeyring(k1);
    expect(encryptSecret("x", ring)).not.toBe(encryptSecret("x", ring));
  });

  it("decrypts with a previous key after rotation and encrypts with the new one", () => {
    const old = makeKeyring(k1);
    const ct = encryptSecret("pw", old);
    const rotated = makeKeyring(k2, k1);
    expect(decryptSecret(ct, rotated)).toEqual({ ok: true, value: "pw" });
    expect(ciphertextKeyId(encryptSecret("pw", rotated))).toBe(rotated.current.id);
    expect(ciphertextKeyId(ct)).toBe(old.current.id);
  });

  it("reports a missing key and tampering as errors, not exceptions", () => {
    const ct = encryptSecret("pw", makeKeyring(k1));
    const missing = decryptSecret(ct, makeKeyring(k2));
    expect(missing.ok).toBe(false);
    const parts = ct.split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(decryptSecret(parts.join("."), makeKeyring(k1)).ok).toBe(false);
    expect(decryptSecret("plain", makeKeyring(k1)).ok).toBe(false);
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => makeKeyring("short")).toThrow(/32 bytes/);
  });
});
