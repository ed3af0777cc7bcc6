import { sql } from "drizzle-orm";
import {
  bigint,
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { NOTIFICATION_SEVERITIES } from "../../lib/notifications/model";
import { appUsers } from "./auth";
import { integrations } from "./integrations";

export { NOTIFICATION_SEVERITIES, type NotificationSeverity } from "../../lib/notifications/model";

/** PostgreSQL's xid8, a transaction id (read as text). */
const xid8 = customType<{ data: string }>({ dataType: () => "xid8" });

export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    integrationId: uuid("integration_id").references(() => integrations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    severity: text("severity", { enum: NOTIFICATION_SEVERITIES }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    emailError: text("email_error"),
    /** The transaction that wrote it: "mark all read" leaves out one the reader's page could not see yet (ids are
     * not in commit order). */
    createdXid: xid8("created_xid").notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [index("notifications_created_idx").on(t.createdAt)],
);
export type Notification = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

/** Who has read which notification: each user's inbox has its own read state. */
export const notificationReads = pgTable(
  "notification_reads",
  {
    notificationId: bigint("notification_id", { mode: "number" })
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUsers.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.notificationId] })],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    actorId: uuid("actor_id").references(() => appUsers.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    // `resource.verb`, e.g. `integration.update`.
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id"),
    diff: jsonb("diff")
      .$type<{ old?: unknown; new?: unknown; secretsChanged?: string[] }>()
      .notNull()
      .default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_events_resource_idx").on(t.resourceType, t.resourceId, t.createdAt)],
);
export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
