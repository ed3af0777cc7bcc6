import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  INBOUND_KINDS,
  INBOUND_OUTCOMES,
  INBOUND_VERIFICATIONS,
  type InboundItemErrors,
  type InboundStoredSecret,
  PROCESSED_OUTCOMES,
} from "../../lib/inbound/model";
import { appUsers } from "./auth";

export type { InboundItemErrors, InboundStoredSecret } from "../../lib/inbound/model";

/** An external system allowed to send data in, at POST /api/inbound/:id, with its signing secrets. */
export const inboundSources = pgTable(
  "inbound_sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kinds: text("kinds", { enum: INBOUND_KINDS }).array().notNull(),
    // Whether an item naming an organisation, activity or learning profile the LMS lacks may create it.
    createMissing: boolean("create_missing").notNull().default(false),
    // Newest first; each encrypted. A replaced secret keeps working until its validUntil (the rotation overlap).
    secrets: jsonb("secrets").$type<InboundStoredSecret[]>().notNull(),
    createdBy: uuid("created_by").references(() => appUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("inbound_sources_kinds_not_empty", sql`cardinality(${t.kinds}) > 0`)],
);
export type InboundSource = typeof inboundSources.$inferSelect;
export type NewInboundSource = typeof inboundSources.$inferInsert;

/** One row per request to a source, refused ones too: how it was verified, what became of each item, the body. */
export const inboundLog = pgTable(
  "inbound_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => inboundSources.id, { onDelete: "cascade" }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    outcome: text("outcome", { enum: INBOUND_OUTCOMES }).notNull(),
    status: integer("status").notNull(),
    verifiedBy: text("verified_by", { enum: INBOUND_VERIFICATIONS }).notNull(),
    // Which secret or token: "current secret", "previous secret", "token lms_Ab12 of ada@example.com".
    verifiedAs: text("verified_as"),
    // Why a request was refused or its body not read.
    reason: text("reason"),
    messageId: text("message_id"),
    kind: text("kind", { enum: INBOUND_KINDS }),
    itemsOk: integer("items_ok").notNull().default(0),
    itemsFailed: integer("items_failed").notNull().default(0),
    itemErrors: jsonb("item_errors").$type<InboundItemErrors[]>().notNull().default([]),
    // The body as received, cut at 64 KiB, made storable; any signing secret or token in it masked.
    body: text("body").notNull().default(""),
    bodyBytes: integer("body_bytes").notNull().default(0),
    bodyTruncated: boolean("body_truncated").notNull().default(false),
  },
  (t) => [
    index("inbound_log_source_idx").on(t.sourceId, t.id),
    // A webhook-id is processed once per source; a second request with it is a replay (answered, no effect).
    uniqueIndex("inbound_log_message_uq")
      .on(t.sourceId, t.messageId)
      .where(
        sql`${t.messageId} is not null and ${t.outcome} in (${sql.raw(PROCESSED_OUTCOMES.map((o) => `'${o}'`).join(", "))})`,
      ),
  ],
);
export type InboundLogRow = typeof inboundLog.$inferSelect;
export type NewInboundLogRow = typeof inboundLog.$inferInsert;
