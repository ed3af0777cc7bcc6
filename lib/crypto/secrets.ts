import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "./keyring";

const VERSION = "v1";

/** AES-256-GCM; the result is `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts), safe to store as text. */
export function encryptSecret(plaintext: string, keyring: Keyring): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    keyring.current.id,
    iv.toString("base64url"),
    tag.toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

export type DecryptResult = { ok: true; value: string } | { ok: false; error: string };

/** Decrypts with whichever key of the ring made the ciphertext; a missing key or tampering is an error result. */
export function decryptSecret(ciphertext: string, keyring: Keyring): DecryptResult {
  const parts = ciphertext.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) return { ok: false, error: "not an encrypted secret" };
  const [, id, iv, tag, body] = parts as [string, string, string, string, string];
  const key = keyring.all.find((k) => k.id === id);
  if (!key)
    return {
      ok: false,
      error: `secret was encrypted with key ${id}, which is not in APP_SECRET_KEY or APP_SECRET_KEYS_PREVIOUS`,
    };
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
    return { ok: true, value: plain.toString("utf8") };
  } catch {
    return { ok: false, error: "secret could not be decrypted (corrupted or tampered)" };
  }
}

/** The key id a ciphertext was made with, or null when it is not one of ours. */
export function ciphertextKeyId(ciphertext: string): string | null {
  const parts = ciphertext.split(".");
  return parts.length === 5 && parts[0] === VERSION ? (parts[1] ?? null) : null;
}
