import { and, eq, isNull } from "drizzle-orm";
import type { ApiTokenScope } from "@/lib/auth/model";
import type { DbOrTx } from "../client";
import { apiTokens, appUsers, type NewAppUser } from "../schema";

/** The active account with this e-mail; with `withDisabled`, a disabled one too (it can still be deleted). */
export function findAppUserByEmail(db: DbOrTx, email: string, { withDisabled = false } = {}) {
  const byEmail = eq(appUsers.email, email.toLowerCase());
  return db.query.appUsers.findFirst({
    where: withDisabled ? byEmail : and(byEmail, isNull(appUsers.disabledAt)),
  });
}

export async function insertAppUser(db: DbOrTx, user: NewAppUser) {
  const [row] = await db
    .insert(appUsers)
    .values({ ...user, email: user.email.toLowerCase() })
    .returning();
  return row!;
}

export async function listAdminEmails(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ email: appUsers.email })
    .from(appUsers)
    .where(and(eq(appUsers.role, "admin"), isNull(appUsers.disabledAt)));
  return rows.map((r) => r.email);
}

export async function insertApiToken(
  db: DbOrTx,
  token: { userId: string; name: string; tokenHash: string; prefix: string; scopes?: ApiTokenScope[] },
) {
  const [row] = await db.insert(apiTokens).values(token).returning();
  return row!;
}

/** The active user owning a token hash, with the token's scopes and prefix, and marks the token used. */
export async function findUserByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ user: appUsers, tokenId: apiTokens.id, scopes: apiTokens.scopes, prefix: apiTokens.prefix })
    .from(apiTokens)
    .innerJoin(appUsers, eq(appUsers.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), isNull(appUsers.disabledAt)))
    .limit(1);
  if (!row) return undefined;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return { user: row.user, scopes: row.scopes, prefix: row.prefix };
}
