import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { ReceiverSchema } from "../../lib/contract/model";
import {
  AUTH_TYPES,
  type AuthConfig,
  type ClientCertInfo,
  INTEGRATION_DEFAULTS as D,
  INTEGRATION_STATUSES,
  INTEGRATION_LIMITS as L,
  type StoredSecret,
} from "../../lib/integrations/model";
import type { MappingEntry } from "../../lib/mapping/schemas";
import { appUsers } from "./auth";

// The domain's words and defaults live in lib/integrations/model.ts; the table stores them.
export type {
  AuthConfig,
  AuthTypeName,
  ClientCertInfo,
  IntegrationStatus,
  StoredSecret,
} from "../../lib/integrations/model";

export const integrations = pgTable(
  "integrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    status: text("status", { enum: INTEGRATION_STATUSES }).notNull().default("active"),
    endpointUrl: text("endpoint_url").notNull(),
    testUrl: text("test_url"),
    authType: text("auth_type", { enum: AUTH_TYPES }).notNull(),
    authConfig: jsonb("auth_config").$type<AuthConfig>().notNull().default({}),
    secrets: jsonb("secrets").$type<Record<string, StoredSecret>>().notNull().default({}),
    clientCertInfo: jsonb("client_cert_info").$type<ClientCertInfo | null>(),
    caBundlePem: text("ca_bundle_pem"),
    successCodes: text("success_codes").notNull().default(D.successCodes),
    timeoutMs: integer("timeout_ms").notNull().default(D.timeoutMs),
    customHeaders: jsonb("custom_headers").$type<Record<string, string>>().notNull().default({}),
    scheduleCron: text("schedule_cron").notNull().default(D.scheduleCron),
    scheduleTimeZone: text("schedule_time_zone").notNull().default(D.scheduleTimeZone),
    retrySchedule: integer("retry_schedule")
      .array()
      .notNull()
      .default(sql.raw(`'{${D.retrySchedule.join(",")}}'::integer[]`)),
    failureThreshold: integer("failure_threshold").notNull().default(D.failureThreshold),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    concurrency: integer("concurrency").notNull().default(D.concurrency),
    // Sync on completion: a new or changed completion enqueues a run this many seconds later (completion triggers).
    syncOnCompletion: boolean("sync_on_completion").notNull().default(D.syncOnCompletion),
    syncDebounceSeconds: integer("sync_debounce_seconds").notNull().default(D.syncDebounceSeconds),
    // Resend on update: a sent completion whose revision grows is sent again, with the revision in its key.
    resendOnUpdate: boolean("resend_on_update").notNull().default(D.resendOnUpdate),
    // The receiver's contract: its JSON Schema (json, not jsonb, so the admin's key order is kept) and whether a run
    // checks each payload against it before sending.
    receiverSchema: json("receiver_schema").$type<ReceiverSchema | null>(),
    validateBeforeSending: boolean("validate_before_sending").notNull().default(D.validateBeforeSending),
    disabledReason: text("disabled_reason"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    notificationEmails: text("notification_emails").array().notNull().default(sql`'{}'::text[]`),
    mapping: jsonb("mapping").$type<MappingEntry[]>().notNull().default([]),
    mappingVersion: integer("mapping_version").notNull().default(1),
    // Counts settings saves; a save that names an older version is refused (two admins editing at once).
    settingsVersion: integer("settings_version").notNull().default(1),
    sendFrom: timestamp("send_from", { withTimezone: true }).notNull().defaultNow(),
    // The schedule time last acted on by the tick; the next fire after it is when the next run is due.
    lastScheduledAt: timestamp("last_scheduled_at", { withTimezone: true }),
    lastRunAt: timestamp("last_run_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => appUsers.id, { onDelete: "set null" }),
    updatedBy: uuid("updated_by").references(() => appUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("integrations_status_idx").on(t.status),
    check(
      "integrations_sync_debounce_range",
      sql`${t.syncDebounceSeconds} between ${sql.raw(String(L.syncDebounceSeconds.min))} and ${sql.raw(String(L.syncDebounceSeconds.max))}`,
    ),
  ],
);
export type Integration = typeof integrations.$inferSelect;
export type NewIntegration = typeof integrations.$inferInsert;

export const mappingVersions = pgTable(
  "mapping_versions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    entries: jsonb("entries").$type<MappingEntry[]>().notNull(),
    savedBy: uuid("saved_by").references(() => appUsers.id, { onDelete: "set null" }),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("mapping_versions_integration_version_uq").on(t.integrationId, t.version)],
);
export type MappingVersion = typeof mappingVersions.$inferSelect;
export type NewMappingVersion = typeof mappingVersions.$inferInsert;
