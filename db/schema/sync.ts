import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { DIAGNOSIS_CLASSES } from "../../lib/delivery/model";
import {
  DELIVERY_STATES,
  LOG_OUTCOMES,
  RUN_STATUSES,
  RUN_TRIGGERS,
  SYNC_DEFAULTS,
} from "../../lib/sync/model";
import { integrations } from "./integrations";
import { completions } from "./lms";

// The domain's words live in lib/sync/model.ts; the tables store them.
export type { DeliveryState, LogOutcome, RunStatus, RunTrigger } from "../../lib/sync/model";

export const deliveries = pgTable(
  "deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    completionId: bigint("completion_id", { mode: "number" })
      .notNull()
      .references(() => completions.id, { onDelete: "cascade" }),
    state: text("state", { enum: DELIVERY_STATES }).notNull().default(SYNC_DEFAULTS.deliveryState),
    attempts: integer("attempts").notNull().default(0),
    // Attempts in the current retry cycle; a scheduled run starts a new cycle for failed deliveries.
    cycleAttempts: integer("cycle_attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    // A delivery being sent holds a lease; when a worker dies the lease runs out and it is due again.
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    leaseOwner: text("lease_owner"),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    succeededAt: timestamp("succeeded_at", { withTimezone: true }),
    // Stable for the delivery so a receiver can drop a repeat; renewed only by a backfill.
    idempotencyKey: uuid("idempotency_key").notNull().defaultRandom(),
    // The completion's revision this delivery carries; above 1 it is part of the Idempotency-Key (resend on update).
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("deliveries_integration_completion_uq").on(t.integrationId, t.completionId),
    // Due work: unsent deliveries of one integration ordered by when they are due (id breaks ties, so a run can
    // continue after the last delivery it claimed instead of stepping over every one it already sent).
    index("deliveries_due_idx")
      .on(t.integrationId, t.nextAttemptAt, t.id)
      .where(sql`${t.state} in ('pending', 'retrying', 'failed')`),
    index("deliveries_integration_state_idx").on(t.integrationId, t.state),
  ],
);
export type Delivery = typeof deliveries.$inferSelect;
export type NewDelivery = typeof deliveries.$inferInsert;

/**
 * Attempts whose request may be at the receiver and whose answer is not yet written: each keeps its log row (JSON,
 * no answer yet), written before the request leaves and removed when the answer is. A worker that dies leaves its
 * rows here, and crash recovery logs them as interrupted. UNLOGGED (set in its migration; drizzle-kit cannot say
 * it): written without WAL or a disk flush, so recording an attempt costs a round trip and no more. It survives a
 * worker's crash, not PostgreSQL's (which empties it): a run whose database restarts writes its answers itself once
 * the database is back, so only a worker and PostgreSQL failing together lose track of the requests in flight.
 */
export const attemptsInFlight = pgTable("attempts_in_flight", {
  // No foreign key: checking one would lock the delivery's row before every request.
  deliveryId: bigint("delivery_id", { mode: "number" }).primaryKey(),
  logRow: text("log_row").notNull(),
});
export type AttemptInFlight = typeof attemptsInFlight.$inferSelect;
export type NewAttemptInFlight = typeof attemptsInFlight.$inferInsert;

export const syncRuns = pgTable(
  "sync_runs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    trigger: text("trigger", { enum: RUN_TRIGGERS }).notNull(),
    status: text("status", { enum: RUN_STATUSES }).notNull().default(SYNC_DEFAULTS.runStatus),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    error: text("error"),
    sent: integer("sent").notNull().default(0),
    succeeded: integer("succeeded").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    retried: integer("retried").notNull().default(0),
  },
  (t) => [index("sync_runs_integration_started_idx").on(t.integrationId, t.startedAt)],
);
export type SyncRun = typeof syncRuns.$inferSelect;
export type NewSyncRun = typeof syncRuns.$inferInsert;

export const syncLog = pgTable(
  "sync_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    // What the attempt was about, kept as it was: a log records history, so these ids are not foreign keys. (They
    // were, with "set null": checking four keys for every row was two fifths of what writing the log cost, and it
    // blanked the learner out of the record of what had been sent about them.)
    deliveryId: bigint("delivery_id", { mode: "number" }),
    runId: bigint("run_id", { mode: "number" }),
    userId: integer("user_id"),
    completionId: bigint("completion_id", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    durationMs: integer("duration_ms").notNull(),
    attempt: integer("attempt").notNull(),
    requestUrl: text("request_url").notNull(),
    requestHeaders: jsonb("request_headers").$type<Record<string, string>>().notNull(),
    requestBody: text("request_body").notNull(),
    status: integer("status"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>().notNull().default({}),
    responseBody: text("response_body").notNull().default(""),
    responseTruncated: boolean("response_truncated").notNull().default(false),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    // The library's own text of a failure (OpenSSL, undici, node): for whoever debugs it, never shown as the error.
    errorDetail: text("error_detail"),
    // A failure's diagnosis as the test tools give it (lib/delivery/diagnose.ts): its class, and the cause and fix
    // in words as they were when the attempt failed (they name the settings of that moment). Null for a success.
    diagnosis: text("diagnosis", { enum: DIAGNOSIS_CLASSES }),
    diagnosisCause: text("diagnosis_cause"),
    diagnosisFix: text("diagnosis_fix"),
    outcome: text("outcome", { enum: LOG_OUTCOMES }).notNull(),
    mappingVersion: integer("mapping_version").notNull(),
  },
  (t) => [
    // The log page lists one integration newest first by (created_at, id), paged by cursor: this index serves the
    // first page, deep pages and a time window alike, in order (db/queries/sync-log-keys.ts).
    index("sync_log_integration_created_id_idx").on(t.integrationId, t.createdAt, t.id),
    index("sync_log_delivery_idx").on(t.deliveryId),
    // A learner's entries, in the same order (the learner filter resolves learners to ids first), with the outcome
    // and status, so a learner's failures are found in the index without reading each entry.
    index("sync_log_integration_user_created_idx").on(
      t.integrationId,
      t.userId,
      t.createdAt,
      t.id,
      t.outcome,
      t.status,
    ),
  ],
);
export type SyncLogEntry = typeof syncLog.$inferSelect;
export type NewSyncLogEntry = typeof syncLog.$inferInsert;

/**
 * Attempts per quarter hour, integration and outcome, added by every insert into sync_log (insertSyncLogRows), so
 * the list page's 30-day chart sums a few thousand rows rather than counting a month of log. Quarter hours because
 * every time zone's offset is a whole number of them: any viewer's calendar day is a sum of whole buckets.
 */
export const syncLogCounts = pgTable(
  "sync_log_counts",
  {
    bucket: timestamp("bucket", { withTimezone: true }).notNull(),
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    outcome: text("outcome", { enum: LOG_OUTCOMES }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.integrationId, t.outcome] })],
);

/**
 * How many deliveries each integration has in each state, as changes to add up: a statement-level trigger on
 * deliveries (migration 0011) appends one row per integration and state a statement changed, so the integrations
 * list sums a few rows rather than counting every delivery, and no two writers wait for one counter row. The
 * worker's minute tick folds the rows into one per integration and state (compactDeliveryCounts). No foreign key: a
 * deleted integration's deliveries go in the same statement that would have to check it.
 */
export const deliveryCounts = pgTable(
  "delivery_counts",
  {
    integrationId: uuid("integration_id").notNull(),
    state: text("state", { enum: DELIVERY_STATES }).notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
  },
  (t) => [index("delivery_counts_integration_idx").on(t.integrationId)],
);
