import { bigint, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** What the built-in demo receiver was sent, so a sync can be seen end to end without an outside system. */
export const demoReceipts = pgTable("demo_receipts", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  idempotencyKey: text("idempotency_key"),
  headers: jsonb("headers").$type<Record<string, string>>().notNull(),
  body: jsonb("body").notNull(),
});
export type DemoReceipt = typeof demoReceipts.$inferSelect;
export type NewDemoReceipt = typeof demoReceipts.$inferInsert;
