import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { insertNotification } from "@/db/queries/notifications";
import type { NotificationSeverity } from "@/db/schema";

export const NOTIFICATION_EMAIL_TASK = "notification-email";

export type NotifyInput = {
  integrationId: string | null;
  kind: string;
  severity: NotificationSeverity;
  title: string;
  body: string;
  link?: string;
};

/** Puts a notification in the in-app inbox and, in the same transaction, enqueues its e-mail. */
export async function notify(db: DbOrTx, input: NotifyInput) {
  const row = await insertNotification(db, input);
  await db.execute(sql`select graphile_worker.add_job(
    ${NOTIFICATION_EMAIL_TASK}, json_build_object('notificationId', ${row.id}::bigint), max_attempts => 5)`);
  return row;
}
