import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findAppUserByEmail } from "@/db/queries/app-users";
import { apiTokens, appUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Role } from "./model";
import type { Actor } from "./roles";
import { endUserSessions, type SessionEnd } from "./sessions";

export type UserChange = { kind: "role"; role: Role } | { kind: "disable" } | { kind: "delete" };

const REASON: Record<UserChange["kind"], SessionEnd> = {
  role: "role_changed",
  disable: "user_disabled",
  delete: "user_deleted",
};

/**
 * Changes an account's role, disables it or deletes it; in the same transaction its open sessions end and its API
 * tokens are revoked, so a demoted or removed user can do nothing more with what they held.
 */
export async function changeUser(
  db: Db,
  email: string,
  change: UserChange,
  actor: Actor | null,
): Promise<{ ok: true; sessionsEnded: number } | { ok: false; error: string }> {
  return db.transaction(async (tx) => {
    // A disabled account can be deleted; its role and its access are changed only while it is active.
    const user = await findAppUserByEmail(tx, email, { withDisabled: change.kind === "delete" });
    if (!user)
      return { ok: false, error: `no ${change.kind === "delete" ? "" : "active "}user with e-mail ${email}` };
    const now = new Date();
    const sessionsEnded = await endUserSessions(tx, user.id, REASON[change.kind], now);
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt)));
    if (change.kind === "role")
      await tx.update(appUsers).set({ role: change.role }).where(eq(appUsers.id, user.id));
    if (change.kind === "disable")
      await tx.update(appUsers).set({ disabledAt: now }).where(eq(appUsers.id, user.id));
    if (change.kind === "delete") await tx.delete(appUsers).where(eq(appUsers.id, user.id));
    await recordAudit(tx, {
      actor,
      action: `user.${change.kind === "role" ? "role_change" : change.kind}`,
      resourceType: "user",
      resourceId: user.id,
      old: { email: user.email, role: user.role },
      new: change.kind === "role" ? { role: change.role } : undefined,
    });
    return { ok: true, sessionsEnded };
  });
}
