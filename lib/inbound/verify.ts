import "server-only";
import type { DbOrTx } from "@/db/client";
import type { InboundSource } from "@/db/schema";
import { isRefusedInProduction } from "@/lib/auth/actor";
import { findTokenOwner } from "@/lib/auth/api-tokens";
import { secretForms } from "@/lib/delivery/redact";
import { SIGNING_SECRET_PREFIX } from "./model";
import { signingKeys } from "./secrets";
import {
  hasSignatureHeaders,
  MESSAGE_ID_TOO_LONG,
  messageIdOf,
  type SigningKey,
  verifySignature,
} from "./verify-signature";

export type Verified = {
  ok: true;
  by: "signature" | "token";
  /** Which secret or token, in the log's words. */
  as: string;
  messageId: string | null;
  /** What must never be stored: the secrets that could sign, the bearer token. */
  masks: string[];
};
const bearerOf = (headers: Headers) => /^bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "")?.[1];

/**
 * What must never be stored of a request to the source, known before its body is read (a body too large to verify
 * is logged with them masked too): the secrets that could sign it and any bearer token it carries, in every form a
 * body may hold them (JSON-escaped, URL-encoded).
 */
export function inboundMasks(keys: readonly SigningKey[], headers: Headers): string[] {
  const secrets = keys.map((k) => k.secret.slice(SIGNING_SECRET_PREFIX.length));
  const bearer = bearerOf(headers);
  return secretForms(bearer ? [...secrets, bearer] : secrets);
}

export type Unverified = { ok: false; reason: string; messageId: string | null; masks: string[] };

const HOW =
  "Sign it by Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) or send Authorization: Bearer <API token with the inbound scope>";

/**
 * How a request proves it comes from the source: a Standard Webhooks signature with one of the source's valid
 * secrets (when any webhook-* header is present it must verify), else an API token whose scopes include `inbound`.
 */
export async function verifyInbound(
  db: DbOrTx,
  source: InboundSource,
  headers: Headers,
  body: Uint8Array,
  now: Date,
): Promise<Verified | Unverified> {
  const keys = signingKeys(source.secrets, now);
  const masks = inboundMasks(keys, headers);
  if (hasSignatureHeaders(headers)) {
    const check = verifySignature(headers, body, keys, now);
    return check.ok
      ? { ok: true, by: "signature", as: check.label, messageId: check.messageId, masks }
      : { ...check, masks };
  }
  const messageId = messageIdOf(headers);
  if (messageId === undefined) return { ok: false, messageId: null, reason: MESSAGE_ID_TOO_LONG, masks };
  const bearer = bearerOf(headers);
  if (!bearer) return { ok: false, messageId, reason: `No proof of origin. ${HOW}`, masks };
  const owner = await findTokenOwner(db, bearer);
  const refuse = (reason: string): Unverified => ({ ok: false, messageId, reason, masks });
  if (!owner) return refuse("The API token is unknown or revoked, or its user is disabled");
  if (isRefusedInProduction(owner.actor)) return refuse("Demo accounts' tokens are refused in production");
  if (!owner.scopes.includes("inbound")) {
    return refuse(
      `The API token ${owner.prefix}… lacks the inbound scope (npm run token:create -- --email … --scope inbound)`,
    );
  }
  return {
    ok: true,
    by: "token",
    as: `token ${owner.prefix}… of ${owner.actor.email}`,
    messageId,
    masks,
  };
}
