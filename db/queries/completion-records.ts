import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { isLearner } from "./learners";

/** A completion with everything a payload mapping can read (lib/mapping's `CompletionRecord` plus ids). */
export type CompletionRecordRow = {
  completionId: number;
  userId: number;
  user: { email: string; userName: string; firstName: string; lastName: string } & OrganisationPart & {
      learningProfiles: string;
    };
  activity: { activityName: string; activityId: number };
  completion: { completionDate: Date; bestCombined: number; bestScore: number | null };
};
type OrganisationPart = { organisation: string | null; organisationId: number | null };

type RawRow = {
  completion_id: string | number;
  user_id: number;
  email: string;
  user_name: string;
  first_name: string;
  last_name: string;
  organisation: string | null;
  organisation_id: number | null;
  learning_profiles: string | null;
  activity_name: string;
  activity_id: number;
  completion_date: string | Date;
  best_combined: number;
  best_score: number | null;
};

const SELECT = sql`
  select c.id as completion_id, u.id as user_id, u.email, u.user_name, u.first_name, u.last_name,
    o.name as organisation, u.organisation_id,
    (select string_agg(lp.name, ',' order by lp.name) from user_learning_profiles ulp
       join learning_profiles lp on lp.id = ulp.learning_profile_id where ulp.user_id = u.id) as learning_profiles,
    a.name as activity_name, a.id as activity_id, c.completion_date, c.best_combined, c.best_score
  from completions c
  join users u on u.id = c.user_id
  left join organisations o on o.id = u.organisation_id
  join activities a on a.id = c.activity_id`;

function toRecord(r: RawRow): CompletionRecordRow {
  return {
    completionId: Number(r.completion_id),
    userId: r.user_id,
    user: {
      email: r.email,
      userName: r.user_name,
      firstName: r.first_name,
      lastName: r.last_name,
      organisation: r.organisation,
      organisationId: r.organisation_id,
      learningProfiles: r.learning_profiles ?? "",
    },
    activity: { activityName: r.activity_name, activityId: r.activity_id },
    completion: {
      completionDate: new Date(r.completion_date),
      bestCombined: Number(r.best_combined),
      bestScore: r.best_score === null ? null : Number(r.best_score),
    },
  };
}

/** The records of the given completions, keyed by completion id. */
export async function loadCompletionRecords(
  db: DbOrTx,
  completionIds: number[],
): Promise<Map<number, CompletionRecordRow>> {
  if (completionIds.length === 0) return new Map();
  // One array parameter: the same statement for any number of ids, so it is prepared once.
  const ids = `{${completionIds.map((id) => Math.trunc(id)).join(",")}}`;
  const rows = await db.execute<RawRow>(sql`${SELECT} where c.id = any(${ids}::bigint[])`);
  return new Map(rows.map((r) => [Number(r.completion_id), toRecord(r)]));
}

/** A learner's completions, latest first (Test with user, the preview). */
export async function loadUserCompletionRecords(
  db: DbOrTx,
  userName: string,
  limit: number,
): Promise<CompletionRecordRow[]> {
  const rows = await db.execute<RawRow>(
    sql`${SELECT} where ${isLearner(userName)}
        order by c.completion_date desc, c.id desc limit ${limit}`,
  );
  return rows.map(toRecord);
}
