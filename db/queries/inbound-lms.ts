import { and, eq, inArray, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { activities, learningProfiles, organisations, userLearningProfiles, users } from "../schema";

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
            // One JSON parameter each: a batch's 1,000 names as 1,000 parameters cost more than the lookup.
            or(
              userNames.length > 0
                ? sql`${users.userName} in (select jsonb_array_elements_text(${JSON.stringify(userNames)}::jsonb))`
                : undefined,
              emails.length > 0
                ? sql`${users.email} in (select jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb))`
                : undefined,
            ),
          );
  return {
    byUserName: new Map(rows.map((r) => [r.userName, r.id])),
    byEmail: new Map(rows.map((r) => [r.email, r.id])),
  };
}

export type CompletionUpsert = {
  userId: number;
  activityId: number;
  completionDate: Date;
  bestCombined: number;
  bestScore: number | null;
};

/**
 * Creates each completion, or, when its scores differ from the stored ones, updates it with a new revision and
 * `recorded_at` now, so the sync sees it as new; one statement for a whole batch (one per repeat of a key, since
 * PostgreSQL cannot change a row twice in one statement). What became of each, in order.
 */
export async function upsertCompletions(
  db: DbOrTx,
  rows: readonly CompletionUpsert[],
): Promise<Upserted["action"][]> {
  const actions: Upserted["action"][] = rows.map(() => "unchanged");
  let pending = rows.map((row, ord) => ({ row, ord }));
  while (pending.length > 0) {
    const seen = new Set<string>();
    const now: typeof pending = [];
    const later: typeof pending = [];
    for (const p of pending) {
      const key = `${p.row.userId}/${p.row.activityId}/${p.row.completionDate.toISOString()}`;
      if (seen.has(key)) later.push(p);
      else {
        seen.add(key);
        now.push(p);
      }
    }
    const input = JSON.stringify(
      now.map(({ row, ord }) => ({
        ord,
        user_id: row.userId,
        activity_id: row.activityId,
        completion_date: row.completionDate.toISOString(),
        best_combined: row.bestCombined,
        best_score: row.bestScore,
      })),
    );
    // A row left as it was is not returned: it stays "unchanged".
    const changed = await db.execute<{ ord: number; inserted: boolean }>(sql`
      with input as (
        select * from jsonb_to_recordset(${input}::jsonb) as x(ord int, user_id int, activity_id int,
          completion_date timestamptz, best_combined double precision, best_score double precision)
      ), upserted as (
        insert into completions (user_id, activity_id, completion_date, best_combined, best_score)
        select user_id, activity_id, completion_date, best_combined, best_score from input order by ord
        on conflict (user_id, activity_id, completion_date) do update set
          best_combined = excluded.best_combined, best_score = excluded.best_score,
          revision = completions.revision + 1, recorded_at = now()
        where (completions.best_combined, completions.best_score)
          is distinct from (excluded.best_combined, excluded.best_score)
        returning user_id, activity_id, completion_date, (xmax = 0) as inserted
      )
      select i.ord, u.inserted from input i join upserted u using (user_id, activity_id, completion_date)`);
    for (const r of changed) actions[r.ord] = r.inserted ? "created" : "updated";
    pending = later;
  }
  return actions;
}
