import { createHmac, timingSafeEqual } from "node:crypto";
import { INBOUND_LIMITS, SIGNING_SECRET_PREFIX, WEBHOOK_HEADERS } from "./model";

// The Standard Webhooks scheme (standardwebhooks.com): `webhook-signature` is a space-separated list of
// `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`; the key is the base64 after `whsec_`; the timestamp is Unix
// seconds within 5 minutes of the receiver's clock. Pure: the caller gives the clock and the secrets.

/** A secret that may sign, with the words the log uses for it ("current secret", "previous secret"). */
export type SigningKey = { secret: string; label: string };

export type SignatureCheck =
  | { ok: true; messageId: string; label: string }
  | { ok: false; reason: string; messageId: string | null };

/** The key bytes of a `whsec_…` secret. */
export function signingKeyBytes(secret: string): Buffer {
  const encoded = secret.startsWith(SIGNING_SECRET_PREFIX)
    ? secret.slice(SIGNING_SECRET_PREFIX.length)
    : secret;
  return Buffer.from(encoded, "base64");
}

/** The `v1,<base64>` signature of a message, as a sender puts it in `webhook-signature` (a string body as UTF-8). */
export function signMessage(
  secret: string,
  messageId: string,
  timestamp: number,
  body: Uint8Array | string,
): string {
  const mac = createHmac("sha256", signingKeyBytes(secret))
    .update(`${messageId}.${timestamp}.`)
    .update(body)
    .digest("base64");
  return `v1,${mac}`;
}

export const MESSAGE_ID_TOO_LONG = `webhook-id is longer than ${INBOUND_LIMITS.messageIdLength} characters`;

/** The request's `webhook-id`: null when there is none, undefined when it is too long to keep. */
export function messageIdOf(headers: Headers): string | null | undefined {
  const id = headers.get(WEBHOOK_HEADERS.id)?.trim() || null;
  return id && id.length > INBOUND_LIMITS.messageIdLength ? undefined : id;
}

/** Whether the request carries any Standard Webhooks header (then it must verify by signature). */
export function hasSignatureHeaders(headers: Headers): boolean {
  return Object.values(WEBHOOK_HEADERS).some((h) => headers.has(h));
}

/** Checks the headers and the exact body bytes against each key; the first key that matches names the secret used. */
export function verifySignature(
  headers: Headers,
  body: Uint8Array,
  keys: readonly SigningKey[],
  now: Date,
): SignatureCheck {
  const messageId = messageIdOf(headers);
  if (messageId === undefined) return { ok: false, messageId: null, reason: MESSAGE_ID_TOO_LONG };
  const timestamp = headers.get(WEBHOOK_HEADERS.timestamp)?.trim();
  const signatures = headers.get(WEBHOOK_HEADERS.signature)?.trim();
  const missing = Object.entries({ id: messageId, timestamp, signature: signatures })
    .filter(([, v]) => !v)
    .map(([k]) => WEBHOOK_HEADERS[k as keyof typeof WEBHOOK_HEADERS]);
  if (missing.length > 0)
    return { ok: false, messageId, reason: `Missing Standard Webhooks header ${missing.join(", ")}` };
  if (!/^\d{1,12}$/.test(timestamp!))
    return { ok: false, messageId, reason: "webhook-timestamp is not a Unix time in seconds" };
  const skew = Math.floor(now.getTime() / 1000) - Number(timestamp);
  const tolerance = INBOUND_LIMITS.timestampToleranceSeconds;
  if (Math.abs(skew) > tolerance) {
    const when = skew > 0 ? `${skew} s old` : `${-skew} s in the future`;
    return {
      ok: false,
      messageId,
      reason: `webhook-timestamp is ${when}; it must be within ${tolerance / 60} minutes of the server's clock (replay protection)`,
    };
  }
  const given = signatures!
    .split(" ")
    .filter((s) => s.startsWith("v1,"))
    .map((s) => Buffer.from(s.slice(3), "base64"));
  if (given.length === 0)
    return { ok: false, messageId, reason: "webhook-signature has no v1 signature (v1,<base64>)" };
  for (const key of keys) {
    const expected = Buffer.from(
      signMessage(key.secret, messageId!, Number(timestamp), body).slice(3),
      "base64",
    );
    if (given.some((g) => g.length === expected.length && timingSafeEqual(g, expected))) {
      return { ok: true, messageId: messageId!, label: key.label };
    }
  }
  return {
    ok: false,
    messageId,
    reason:
      keys.length === 0
        ? "The source has no valid signing secret: rotate it to get a new one"
        : "No signature matches: the body, webhook-id or webhook-timestamp was changed after signing, or another secret signed it",
  };
}
