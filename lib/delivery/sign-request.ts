import { randomUUID } from "node:crypto";
import { signMessage } from "../inbound/verify-signature";
import type { ConnectionSettings } from "./types";

// Outbound signing by the Standard Webhooks scheme, with the inbound door's own signing code: `webhook-id` (the
// delivery's Idempotency-Key, so a retry keeps its id), `webhook-timestamp` (seconds, at sending) and
// `webhook-signature`, one `v1,` signature per secret still in its overlap, space-separated, newest first.

/** The three signature headers of a request, or null when the integration does not sign. */
export function signatureHeaders(
  settings: Pick<ConnectionSettings, "signingKeys">,
  req: { body?: string; idempotencyKey?: string },
  nowMs: number,
): Record<string, string> | null {
  const keys = settings.signingKeys?.filter((k) => k.validUntilMs === null || k.validUntilMs > nowMs);
  if (!keys?.length) return null;
  const id = req.idempotencyKey || `msg_${randomUUID()}`;
  const timestamp = Math.floor(nowMs / 1000);
  const body = req.body ?? "";
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": keys.map((k) => signMessage(k.secret, id, timestamp, body)).join(" "),
  };
}
