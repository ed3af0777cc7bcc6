import "server-only";
import type { StoredSecret } from "@/db/schema";
import { decryptSecret, encryptSecret, getKeyring } from "@/lib/crypto";
import { SECRET_HEADER_PREFIX } from "./field-schemas";
import type { SecretName } from "./schemas";

/**
 * The write-only changes of a save by stored key: secrets by name, secret headers as `header:<Name>` (a header
 * already stored under another spelling of its name is replaced, since header names ignore case).
 */
export function storedSecretChanges(
  stored: Record<string, StoredSecret>,
  input: {
    secrets?: Partial<Record<SecretName, string | null>>;
    secretHeaders?: Record<string, string | null>;
  },
): Record<string, string | null | undefined> {
  const out: Record<string, string | null | undefined> = { ...input.secrets };
  for (const [name, value] of Object.entries(input.secretHeaders ?? {})) {
    const key = `${SECRET_HEADER_PREFIX}${name}`;
    const existing = Object.keys(stored).find((k) => k.toLowerCase() === key.toLowerCase());
    if (existing && existing !== key) out[existing] = null;
    if (value !== null || existing === key) out[key] = value;
  }
  return out;
}

/** Splits decrypted secrets into the named ones and the secret headers' values. */
export function splitSecretHeaders(secrets: Record<string, string>): {
  secrets: DecryptedSecrets;
  secretHeaders: Record<string, string>;
} {
  const named: Record<string, string> = {};
  const secretHeaders: Record<string, string> = {};
  for (const [key, value] of Object.entries(secrets)) {
    if (key.startsWith(SECRET_HEADER_PREFIX)) secretHeaders[key.slice(SECRET_HEADER_PREFIX.length)] = value;
    else named[key] = value;
  }
  return { secrets: named as DecryptedSecrets, secretHeaders };
}

/** Applies write-only secret input to the stored set: a value encrypts and replaces, null removes, absent keeps. */
export function applySecretChanges(
  stored: Record<string, StoredSecret>,
  changes: Record<string, string | null | undefined> | undefined,
  now = new Date(),
): { secrets: Record<string, StoredSecret>; changed: string[] } {
  const next = { ...stored };
  const changed: string[] = [];
  for (const [name, value] of Object.entries(changes ?? {})) {
    if (value === undefined) continue;
    changed.push(name);
    if (value === null) delete next[name];
    else next[name] = { ciphertext: encryptSecret(value, getKeyring()), changedAt: now.toISOString() };
  }
  return { secrets: next, changed };
}

export type DecryptedSecrets = Partial<Record<SecretName, string>>;

/** Decrypts every stored secret for one attempt; an undecryptable secret is reported, never guessed. */
export function decryptSecrets(
  stored: Record<string, StoredSecret>,
): { ok: true; secrets: DecryptedSecrets } | { ok: false; error: string } {
  const out: DecryptedSecrets = {};
  for (const [name, s] of Object.entries(stored)) {
    const r = decryptSecret(s.ciphertext, getKeyring());
    if (!r.ok) return { ok: false, error: `secret "${name}": ${r.error}` };
    out[name as SecretName] = r.value;
  }
  return { ok: true, secrets: out };
}
