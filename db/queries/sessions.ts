import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { appSessions, appUsers, loginFailures } from "../schema";

export async function insertSession(db: DbOrTx, userId: string, now: Date): Promise<string> {
  const [row] = await db
    .insert(appSessions)
    .values({ userId, createdAt: now, lastSeenAt: now })
    .returning({ id: appSessions.id });
  return row!.id;
}

/** An open session with its (active) user, or undefined. */
export async function findOpenSession(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ session: appSessions, user: appUsers })
    .from(appSessions)
    .innerJoin(appUsers, eq(appUsers.id, appSessions.userId))
    .where(and(eq(appSessions.id, id), isNull(appSessions.endedAt), isNull(appUsers.disabledAt)))
    .limit(1);
  return row;
}

export async function touchSession(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(appSessions).set({ lastSeenAt: now }).where(eq(appSessions.id, id));
}

export async function endSessions(
  db: DbOrTx,
  where: { id: string } | { userId: string },
  reason: string,
  now: Date,
): Promise<number> {
  const match = "id" in where ? eq(appSessions.id, where.id) : eq(appSessions.userId, where.userId);
  const rows = await db
    .update(appSessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(match, isNull(appSessions.endedAt)))
    .returning({ id: appSessions.id });
  return rows.length;
}

/** Failed sign-ins within the window, for one e-mail and for one address, and the oldest of each. */
export async function countLoginFailures(db: DbOrTx, email: string, ip: string, since: Date) {
  const [row] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${loginFailures.email} = ${email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${loginFailures.ip} = ${ip})`.mapWith(Number),
      oldestByEmail: sql<Date | null>`min(${loginFailures.createdAt}) filter (where ${loginFailures.email} = ${email})`,
      oldestByIp: sql<Date | null>`min(${loginFailures.createdAt}) filter (where ${loginFailures.ip} = ${ip})`,
    })
    .from(loginFailures)
    .where(
      and(
        gt(loginFailures.createdAt, since),
        sql`(${loginFailures.email} = ${email} or ${loginFailures.ip} = ${ip})`,
      ),
    );
  const toDate = (v: Date | string | null | undefined) => (v ? new Date(v) : null);
  return {
    byEmail: row?.byEmail ?? 0,
    byIp: row?.byIp ?? 0,
    oldestByEmail: toDate(row?.oldestByEmail),
    oldestByIp: toDate(row?.oldestByIp),
  };
}

export async function insertLoginFailure(db: DbOrTx, email: string, ip: string, now: Date): Promise<void> {
  await db.insert(loginFailures).values({ email, ip, createdAt: now });
}

/** A successful sign-in clears the account's failures; old rows of everyone are dropped on the way. */
export async function clearLoginFailures(db: DbOrTx, email: string, before: Date): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
  await db.delete(loginFailures).where(lt(loginFailures.createdAt, before));
}
