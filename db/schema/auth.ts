import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { API_TOKEN_SCOPES, ROLES } from "../../lib/auth/model";

export type { Role } from "../../lib/auth/model";

export const appUsers = pgTable("app_users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
});
export type AppUser = typeof appUsers.$inferSelect;
export type NewAppUser = typeof appUsers.$inferInsert;

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // sha256 of the token; the token itself is shown once and never stored.
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    // What the token may be used for (lib/auth/model.ts); tokens made before scopes existed call the API.
    scopes: text("scopes", { enum: API_TOKEN_SCOPES }).array().notNull().default(["api"]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;
export type NewApiToken = typeof apiTokens.$inferInsert;

/**
 * A signed-in browser session. The cookie (a next-auth JWT) names its row; a request is let in only while the row is
 * open, the user is active and the session was used within the idle time. Sign-out, disabling, deleting or demoting a
 * user ends the rows, so the cookie stops working at once.
 */
export const appSessions = pgTable(
  "app_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUsers.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    // signed_out | user_disabled | user_deleted | role_changed | idle | expired
    endedReason: text("ended_reason"),
  },
  (t) => [index("app_sessions_user_idx").on(t.userId)],
);
export type AppSession = typeof appSessions.$inferSelect;

/** Failed sign-ins, kept 15 minutes, so every web process refuses guessing alike. */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_failures_email_idx").on(t.email, t.createdAt),
    index("login_failures_ip_idx").on(t.ip, t.createdAt),
  ],
);
