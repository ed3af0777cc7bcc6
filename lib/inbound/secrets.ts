import "server-only";
import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret, getKeyring, type Keyring } from "@/lib/crypto";
import { INBOUND_LIMITS, type InboundStoredSecret, SIGNING_SECRET_PREFIX } from "./model";
import type { SigningKey } from "./verify-signature";

/** A new Standard Webhooks signing secret: `whsec_` and the base64 of 32 random bytes. */
export function newSigningSecret(): string {
  return `${SIGNING_SECRET_PREFIX}${randomBytes(INBOUND_LIMITS.secretBytes).toString("base64")}`;
}

/** The stored list after a rotation: the new secret first; the others work until `now + overlap` at the latest. */
export function rotatedSecrets(
  stored: readonly InboundStoredSecret[],
  secret: string,
  now: Date,
  overlapHours: number,
  keyring: Keyring = getKeyring(),
): InboundStoredSecret[] {
  const until = new Date(now.getTime() + overlapHours * 3_600_000);
  const kept = stored
    .filter((s) => isValid(s, now))
    .map((s) => ({
      ...s,
      validUntil: s.validUntil && new Date(s.validUntil) < until ? s.validUntil : until.toISOString(),
    }))
    .filter((s) => isValid(s, now));
  return [
    { ciphertext: encryptSecret(secret, keyring), createdAt: now.toISOString(), validUntil: null },
    ...kept,
  ];
}

/** The first stored secret, as a new source keeps it. */
export function firstSecret(
  secret: string,
  now: Date,
  keyring: Keyring = getKeyring(),
): InboundStoredSecret[] {
  return rotatedSecrets([], secret, now, 0, keyring);
}

function isValid(s: InboundStoredSecret, now: Date): boolean {
  return s.validUntil === null || new Date(s.validUntil) > now;
}

/** The secrets that may sign at `now`, decrypted, newest first; one that cannot be decrypted is left out. */
export function signingKeys(
  stored: readonly InboundStoredSecret[],
  now: Date,
  keyring: Keyring = getKeyring(),
): SigningKey[] {
  return stored.flatMap((s, i) => {
    if (!isValid(s, now)) return [];
    const plain = decryptSecret(s.ciphertext, keyring);
    if (!plain.ok) {
      console.error(`[inbound] a signing secret could not be decrypted: ${plain.error}`);
      return [];
    }
    return [{ secret: plain.value, label: i === 0 ? "current secret" : "previous secret" }];
  });
}
