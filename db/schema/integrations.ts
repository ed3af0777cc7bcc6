import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { appUsers } from "./auth";

export const INTEGRATION_STATUSES = ["active", "paused", "auto_disabled"] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

export const AUTH_TYPES = [
  "api_key",
  "bearer",
  "bearer_login",
  "basic",
  "oauth2",
  "client_cert",
  "none",
] as const;
export type AuthTypeName = (typeof AUTH_TYPES)[number];

/** One stored secret: AES-256-GCM ciphertext (lib/crypto) and when it last changed. */
export type StoredSecret = { ciphertext: string; changedAt: string };
/** Non-secret auth settings; which keys apply depends on the auth type. */
export type AuthConfig = {
  headerName?: string;
  username?: string;
  loginUrl?: string;
  usernameField?: string;
  passwordField?: string;
  tokenUrl?: string;
  clientId?: string;
  scope?: string;
  clientAuthMethod?: "client_secret_basic" | "client_secret_post";
  useClientCert?: boolean;
};
/** What the UI shows of a client certificate; read when it is saved. */
export type ClientCertInfo = { subject: string; issuer: string; validFrom: string; validTo: string };
/** A mapping entry as stored; lib/mapping owns the shape and validates it. */
export type StoredMappingEntry = {
  key: string;
  source: string | { const: string | number | boolean | null };
  transforms?: string;
};

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
    successCodes: text("success_codes").notNull().default("2xx"),
    timeoutMs: integer("timeout_ms").notNull().default(30_000),
    customHeaders: jsonb("custom_headers").$type<Record<string, string>>().notNull().default({}),
    scheduleCron: text("schedule_cron").notNull().default("0 2 * * *"),
    scheduleTimeZone: text("schedule_time_zone").notNull().default("UTC"),
    retrySchedule: integer("retry_schedule").array().notNull().default(sql`'{60,300,1800}'::integer[]`),
    failureThreshold: integer("failure_threshold").notNull().default(10),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    concurrency: integer("concurrency").notNull().default(4),
    disabledReason: text("disabled_reason"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    notificationEmails: text("notification_emails").array().notNull().default(sql`'{}'::text[]`),
    mapping: jsonb("mapping").$type<StoredMappingEntry[]>().notNull().default([]),
    mappingVersion: integer("mapping_version").notNull().default(1),
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
  (t) => [index("integrations_status_idx").on(t.status)],
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
    entries: jsonb("entries").$type<StoredMappingEntry[]>().notNull(),
    savedBy: uuid("saved_by").references(() => appUsers.id, { onDelete: "set null" }),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("mapping_versions_integration_version_uq").on(t.integrationId, t.version)],
);
export type MappingVersion = typeof mappingVersions.$inferSelect;
export type NewMappingVersion = typeof mappingVersions.$inferInsert;
