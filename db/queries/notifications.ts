import { desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { type NewNotification, notifications } from "../schema";

export async function insertNotification(db: DbOrTx, n: NewNotification) {
  const [row] = await db.insert(notifications).values(n).returning();
  return row!;
}

export function findNotification(db: DbOrTx, id: number) {
  return db.query.notifications.findFirst({ where: eq(notifications.id, id) });
}

export async function markNotificationEmailed(db: DbOrTx, id: number, error: string | null): Promise<void> {
  await db
    .update(notifications)
    .set(error ? { emailError: error } : { emailedAt: new Date(), emailError: null })
    .where(eq(notifications.id, id));
}

export async function listNotifications(db: DbOrTx, limit: number) {
  const [rows, [unread]] = await Promise.all([
    db.select().from(notifications).orderBy(desc(notifications.id)).limit(limit),
    db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(isNull(notifications.readAt)),
  ]);
  return { notifications: rows, unread: unread?.n ?? 0 };
}

export async function markAllNotificationsRead(db: DbOrTx): Promise<void> {
  await db.update(notifications).set({ readAt: new Date() }).where(isNull(notifications.readAt));
}
