import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { callRoute } from "@/lib/api/test-support/call-route";

/** Headers of a request signed by the reference Standard Webhooks library, as a real sender would sign it. */
export function signedHeaders(
  secret: string,
  body: string,
  opts: { id?: string; at?: Date } = {},
): Record<string, string> {
  const id = opts.id ?? `msg_${randomUUID()}`;
  const at = opts.at ?? new Date();
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}

/** POSTs `body` to the inbound route for `sourceId` with `headers`; the status, parsed JSON and raw text. */
export function postInbound(
  handler: Parameters<typeof callRoute>[0],
  sourceId: string,
  body: string | ReadableStream<Uint8Array>,
  headers: Record<string, string>,
) {
  return callRoute(handler, {
    method: "POST",
    path: `/api/inbound/${sourceId}`,
    body,
    headers,
    params: { sourceId },
  });
}

/** POSTs a body signed with `secret` (a fresh webhook-id unless one is given). */
export function postSigned(
  handler: Parameters<typeof callRoute>[0],
  sourceId: string,
  secret: string,
  payload: unknown,
  opts: { id?: string; at?: Date } = {},
) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return postInbound(handler, sourceId, body, signedHeaders(secret, body, opts));
}
