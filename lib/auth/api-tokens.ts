import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { findAppUserByEmail, findUserByTokenHash, insertApiToken } from "@/db/queries/app-users";
import type { ApiTokenScope } from "./model";
import type { Actor } from "./roles";

const PREFIX = "lms_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type CreatedToken = { ok: true; token: string; userEmail: string } | { ok: false; error: string };

/** Makes a token for a user; the plain token is returned once and only its hash is stored. */
export async function createApiToken(
  db: DbOrTx,
  email: string,
  name = "script",
  scopes: readonly ApiTokenScope[] = ["api"],
): Promise<CreatedToken> {
  const user = await findAppUserByEmail(db, email);
  if (!user) return { ok: false, error: `no active user with e-mail ${email}` };
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  await insertApiToken(db, {
    userId: user.id,
    name,
    tokenHash: hashApiToken(token),
    prefix: token.slice(0, 8),
    scopes: [...new Set(scopes)],
  });
  return { ok: true, token, userEmail: user.email };
}

export type TokenOwner = { actor: Actor; scopes: ApiTokenScope[]; prefix: string };

/** Who owns a token, what it may be used for and its shown prefix; null when it is unknown or revoked. */
export async function findTokenOwner(db: DbOrTx, token: string): Promise<TokenOwner | null> {
  if (!token.startsWith(PREFIX)) return null;
  const found = await findUserByTokenHash(db, hashApiToken(token));
  if (!found) return null;
  const { user, scopes, prefix } = found;
  return {
    actor: { id: user.id, email: user.email, name: user.name, role: user.role, via: "token" },
    scopes,
    prefix,
  };
}

/** The actor behind `Authorization: Bearer <token>`, or null when the token is unknown, revoked or not for the API. */
export async function actorFromApiToken(db: DbOrTx, token: string): Promise<Actor | null> {
  const owner = await findTokenOwner(db, token);
  return owner?.scopes.includes("api") ? owner.actor : null;
}
