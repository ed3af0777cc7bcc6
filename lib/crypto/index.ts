import "server-only";
import { getSettings } from "../settings";
import { type Keyring, makeKeyring } from "./keyring";

export { type Key, type Keyring, keyId, makeKeyring, parseKey } from "./keyring";
export { ciphertextKeyId, type DecryptResult, decryptSecret, encryptSecret } from "./secrets";

let cached: { source: string; ring: Keyring } | undefined;

/** The process's key ring from settings; fails loudly when no key is configured. */
export function getKeyring(): Keyring {
  const s = getSettings();
  if (!s.APP_SECRET_KEY) throw new Error("APP_SECRET_KEY is not set (npm start generates one into .data/)");
  const source = `${s.APP_SECRET_KEY}|${s.APP_SECRET_KEYS_PREVIOUS}`;
  if (cached?.source !== source)
    cached = { source, ring: makeKeyring(s.APP_SECRET_KEY, s.APP_SECRET_KEYS_PREVIOUS) };
  return cached.ring;
}
