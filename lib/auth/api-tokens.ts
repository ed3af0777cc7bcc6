import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { findAppUserByEmail, findUserByTokenHash, insertApiToken } from "@/db/queries/app-users";
import type { Actor } from "./roles";

const PREFIX = "lms_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type CreatedToken = { ok: true; token: string; userEmail: string } | { ok: false; error: string };

/** Makes a token for a user; the plain token is returned once and only its hash is stored. */
export async function createApiToken(db: DbOrTx, email: string, name = "script"): Promise<CreatedToken> {
  const user = await findAppUserByEmail(db, email);
  if (!user) return { ok: false, error: `no active user with e-mail ${email}` };
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  await insertApiToken(db, {
    userId: user.id,
    name,
    tokenHash: hashApiToken(token),
    prefix: token.slice(0, 8),
  });
  return { ok: true, token, userEmail: user.email };
}

/** The actor behind `Authorization: Bearer <token>`, or null when the token is unknown or revoked. */
export async function actorFromApiToken(db: DbOrTx, token: string): Promise<Actor | null> {
  if (!token.startsWith(PREFIX)) return null;
  const user = await findUserByTokenHash(db, hashApiToken(token));
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "token" };
}
