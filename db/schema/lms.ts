import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

// The LMS side: what the LMS already has. Here so the module stands alone.

export const organisations = pgTable(
  "organisations",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
  },
  // Inbound data names organisations; a name must say which one.
  (t) => [unique("organisations_name_uq").on(t.name)],
);
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userName: text("user_name").notNull().unique(),
    email: text("email").notNull().unique(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    organisationId: integer("organisation_id").references(() => organisations.id),
    // Inbound user data may mark a learner inactive (left the company); the LMS keeps their completions.
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("users_organisation_idx").on(t.organisationId)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const learningProfiles = pgTable("learning_profiles", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull().unique(),
});
export type LearningProfile = typeof learningProfiles.$inferSelect;
export type NewLearningProfile = typeof learningProfiles.$inferInsert;

export const userLearningProfiles = pgTable(
  "user_learning_profiles",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    learningProfileId: integer("learning_profile_id")
      .notNull()
      .references(() => learningProfiles.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.learningProfileId] })],
);
export type UserLearningProfile = typeof userLearningProfiles.$inferSelect;

export const activities = pgTable(
  "activities",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
  },
  // Inbound completions name their activity; a name must say which one.
  (t) => [unique("activities_name_uq").on(t.name)],
);
export type Activity = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;

export const completions = pgTable(
  "completions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    completionDate: timestamp("completion_date", { withTimezone: true }).notNull(),
    bestCombined: doublePrecision("best_combined").notNull(),
    bestScore: doublePrecision("best_score"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    revision: integer("revision").notNull().default(1),
  },
  (t) => [
    // The sync finds completions recorded since an integration's send-from time.
    index("completions_recorded_at_idx").on(t.recordedAt),
    // Resend on update reads only the completions that changed since they were first recorded.
    index("completions_changed_recorded_at_idx").on(t.recordedAt).where(sql`${t.revision} > 1`),
    index("completions_user_idx").on(t.userId, t.completionDate),
    // The natural key: inbound completions are upserted by user, activity and completion date.
    unique("completions_natural_key_uq").on(t.userId, t.activityId, t.completionDate),
    check("completions_best_combined_range", sql`${t.bestCombined} between 0 and 100`),
    check("completions_best_score_range", sql`${t.bestScore} is null or ${t.bestScore} between 0 and 100`),
  ],
);
export type Completion = typeof completions.$inferSelect;
export type NewCompletion = typeof completions.$inferInsert;
