import { and, desc, eq, getTableColumns, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { type NewNotification, notificationReads, notifications } from "../schema";

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

/**
 * A user's inbox, newest first: `limit` notifications (older than `before` when given) with when that user read
 * each, and how many they have not read in all. `asOf` is the snapshot the page was read in (null when it is
 * empty): "mark all read" with it leaves out a notification the page could not see yet.
 */
export async function listNotifications(db: DbOrTx, userId: string, limit: number, before?: number) {
  const read = and(
    eq(notificationReads.notificationId, notifications.id),
    eq(notificationReads.userId, userId),
  );
  const { createdXid: _, ...shown } = getTableColumns(notifications);
  const [rows, [unread]] = await Promise.all([
    db
      .select({
        notification: shown,
        readAt: notificationReads.readAt,
        asOf: sql<string>`pg_current_snapshot()::text`,
      })
      .from(notifications)
      .leftJoin(notificationReads, read)
      .where(before === undefined ? undefined : lt(notifications.id, before))
      .orderBy(desc(notifications.id))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .leftJoin(notificationReads, read)
      .where(isNull(notificationReads.userId)),
  ]);
  return {
    notifications: rows.map((r) => ({ ...r.notification, readAt: r.readAt })),
    unread: unread?.n ?? 0,
    asOf: rows[0]?.asOf ?? null,
  };
}

/**
 * Marks every notification read for one user, up to `upTo` (the newest one they were shown) when given, so one that
 * arrived after the page loaded stays unread; with `asOf` (the snapshot the page was read in), also one with a
 * lower id whose transaction had not committed yet. Everyone else's inbox is untouched.
 */
export async function markAllNotificationsRead(
  db: DbOrTx,
  userId: string,
  shown: { upTo?: number; asOf?: string } = {},
): Promise<void> {
  const conditions = [
    ...(shown.upTo === undefined ? [] : [sql`id <= ${shown.upTo}`]),
    ...(shown.asOf === undefined
      ? []
      : [sql`pg_visible_in_snapshot(created_xid, ${shown.asOf}::pg_snapshot)`]),
  ];
  await db.execute(sql`
    insert into notification_reads (notification_id, user_id)
    select id, ${userId} from notifications
    ${conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}
    on conflict do nothing`);
}

/** Marks one notification read for one user (again: no change). False when no notification has this id. */
export async function markNotificationRead(db: DbOrTx, userId: string, id: number): Promise<boolean> {
  const rows = await db.execute<{ id: number }>(sql`
    with target as (select id from notifications where id = ${id}),
      marked as (
        insert into notification_reads (notification_id, user_id)
        select id, ${userId} from target
        on conflict do nothing
      )
    select id from target`);
  return rows.length > 0;
}
