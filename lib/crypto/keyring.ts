import { createHash } from "node:crypto";

export type Key = { id: string; key: Buffer };
/** The newest key encrypts; every key (newest first) can decrypt. */
export type Keyring = { current: Key; all: Key[] };

/** Reads one key: 32 bytes as base64 or hex. Anything else is a deployment error worth stopping for. */
export function parseKey(text: string): Key {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) {
    throw new Error("APP_SECRET_KEY must be 32 bytes, base64 or hex encoded (openssl rand -base64 32)");
  }
  return { id: keyId(key), key };
}

/** A short, stable, non-reversible name for a key, stored in each ciphertext so rotation knows which key to use. */
export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** Builds the key ring from the current key and a comma-separated list of previous ones. */
export function makeKeyring(current: string, previous = ""): Keyring {
  const currentKey = parseKey(current);
  const older = previous
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map(parseKey)
    .filter((k) => k.id !== currentKey.id);
  return { current: currentKey, all: [currentKey, ...older] };
}
