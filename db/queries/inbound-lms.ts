import { and, eq, inArray, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  activities,
  completions,
  learningProfiles,
  organisations,
  userLearningProfiles,
  users,
} from "../schema";

// Writes of inbound data into the LMS tables, each idempotent by its natural key: a user by user name, a completion
// by user, activity and completion date, an organisation, activity or learning profile by name.

/** The LMS tables of things known by a unique name. */
const NAMED = {
  organisation: organisations,
  activity: activities,
  learningProfile: learningProfiles,
} as const;
export type NamedKind = keyof typeof NAMED;
// The three tables have the same shape (id, unique name); one type serves them all.
const table = (kind: NamedKind) => NAMED[kind] as typeof organisations;

/** Whether a row with this id exists. */
export async function namedIdExists(db: DbOrTx, kind: NamedKind, id: number): Promise<boolean> {
  const t = table(kind);
  const [row] = await db.select({ id: t.id }).from(t).where(eq(t.id, id));
  return Boolean(row);
}

/** The ids of the rows with these exact names (names not found are missing from the map). */
export async function findNamedIds(
  db: DbOrTx,
  kind: NamedKind,
  names: string[],
): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const t = table(kind);
  const rows = await db.select({ id: t.id, name: t.name }).from(t).where(inArray(t.name, names));
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** The id of the row with this name, created when missing (a concurrent creator's row is found, not doubled). */
export async function ensureNamed(db: DbOrTx, kind: NamedKind, name: string): Promise<number> {
  const t = table(kind);
  const [created] = await db.insert(t).values({ name }).onConflictDoNothing().returning({ id: t.id });
  if (created) return created.id;
  const [found] = await db.select({ id: t.id }).from(t).where(eq(t.name, name));
  return found!.id;
}

export type Upserted = { id: number; action: "created" | "updated" | "unchanged" };

/**
 * Creates the user, or updates the one with this user name when a value differs. `organisationId` and `active`
 * left undefined keep the stored values (a new user gets none and active).
 */
export async function upsertUser(
  db: DbOrTx,
  u: {
    userName: string;
    email: string;
    firstName: string;
    lastName: string;
    organisationId?: number | null;
    active?: boolean;
  },
): Promise<Upserted> {
  const set = {
    email: sql`excluded.email`,
    firstName: sql`excluded.first_name`,
    lastName: sql`excluded.last_name`,
    ...(u.organisationId !== undefined && { organisationId: sql`excluded.organisation_id` }),
    ...(u.active !== undefined && { active: sql`excluded.active` }),
  };
  const compared = [
    sql`${users.email}`,
    sql`${users.firstName}`,
    sql`${users.lastName}`,
    ...(u.organisationId !== undefined ? [sql`${users.organisationId}`] : []),
    ...(u.active !== undefined ? [sql`${users.active}`] : []),
  ];
  const incoming = Object.values(set);
  const [row] = await db
    .insert(users)
    .values({ ...u, organisationId: u.organisationId ?? null, active: u.active ?? true })
    .onConflictDoUpdate({
      target: users.userName,
      set,
      setWhere: sql`(${sql.join(compared, sql`, `)}) is distinct from (${sql.join(incoming, sql`, `)})`,
    })
    .returning({ id: users.id, inserted: sql<boolean>`xmax = 0` });
  if (row) return { id: row.id, action: row.inserted ? "created" : "updated" };
  const [same] = await db.select({ id: users.id }).from(users).where(eq(users.userName, u.userName));
  return { id: same!.id, action: "unchanged" };
}

/** Makes the user's learning profiles exactly these; whether anything changed. */
export async function setUserProfiles(db: DbOrTx, userId: number, profileIds: number[]): Promise<boolean> {
  const removed = await db
    .delete(userLearningProfiles)
    .where(
      and(
        eq(userLearningProfiles.userId, userId),
        profileIds.length > 0 ? notInArray(userLearningProfiles.learningProfileId, profileIds) : undefined,
      ),
    )
    .returning({ id: userLearningProfiles.learningProfileId });
  const added =
    profileIds.length === 0
      ? []
      : await db
          .insert(userLearningProfiles)
          .values(profileIds.map((learningProfileId) => ({ userId, learningProfileId })))
          .onConflictDoNothing()
          .returning({ id: userLearningProfiles.learningProfileId });
  return removed.length + added.length > 0;
}

/** The ids of the users with these user names, and with these e-mail addresses. */
export async function findUserIds(
  db: DbOrTx,
  userNames: string[],
  emails: string[],
): Promise<{ byUserName: Map<string, number>; byEmail: Map<string, number> }> {
  const rows =
    userNames.length + emails.length === 0
      ? []
      : await db
          .select({ id: users.id, userName: users.userName, email: users.email })
          .from(users)
          .where(
            or(
              userNames.length > 0 ? inArray(users.userName, userNames) : undefined,
              emails.length > 0 ? inArray(users.email, emails) : undefined,
            ),
          );
  return {
    byUserName: new Map(rows.map((r) => [r.userName, r.id])),
    byEmail: new Map(rows.map((r) => [r.email, r.id])),
  };
}

/**
 * Creates the completion, or, when its scores differ from the stored ones, updates it with a new revision and
 * `recorded_at` now, so the sync sees it as new.
 */
export async function upsertCompletion(
  db: DbOrTx,
  c: {
    userId: number;
    activityId: number;
    completionDate: Date;
    bestCombined: number;
    bestScore: number | null;
  },
): Promise<Upserted> {
  const [row] = await db
    .insert(completions)
    .values(c)
    .onConflictDoUpdate({
      target: [completions.userId, completions.activityId, completions.completionDate],
      set: {
        bestCombined: sql`excluded.best_combined`,
        bestScore: sql`excluded.best_score`,
        revision: sql`${completions.revision} + 1`,
        recordedAt: sql`now()`,
      },
      setWhere: sql`(${completions.bestCombined}, ${completions.bestScore})
        is distinct from (excluded.best_combined, excluded.best_score)`,
    })
    .returning({ id: completions.id, inserted: sql<boolean>`xmax = 0` });
  if (row) return { id: row.id, action: row.inserted ? "created" : "updated" };
  const [same] = await db
    .select({ id: completions.id })
    .from(completions)
    .where(
      and(
        eq(completions.userId, c.userId),
        eq(completions.activityId, c.activityId),
        eq(completions.completionDate, c.completionDate),
      ),
    );
  return { id: same!.id, action: "unchanged" };
}
