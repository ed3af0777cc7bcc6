import "server-only";
import type { StoredSecret } from "@/db/schema";
import { decryptSecret, encryptSecret, getKeyring } from "@/lib/crypto";
import type { SecretName } from "./schemas";

/** Applies write-only secret input to the stored set: a value encrypts and replaces, null removes, absent keeps. */
export function applySecretChanges(
  stored: Record<string, StoredSecret>,
  changes: Partial<Record<SecretName, string | null>> | undefined,
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
