import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

/** A learner as the preview's picker shows one. */
export type LearnerRow = {
  userName: string;
  email: string;
  firstName: string;
  lastName: string;
  organisation: string | null;
  completionCount: number;
  lastCompletionAt: Date | null;
};

type RawLearner = {
  user_name: string;
  email: string;
  first_name: string;
  last_name: string;
  organisation: string | null;
  completion_count: string | number;
  last_completion_at: string | Date | null;
};

/** The learners' rows and their completion counts, for ids ranked by a query that selects `id` and `rank`. */
function withDetails(ranked: SQL) {
  return sql`
    select u.user_name, u.email, u.first_name, u.last_name, o.name as organisation,
      coalesce(c.n, 0) as completion_count, c.last_at as last_completion_at
    from (${ranked}) k
    join users u on u.id = k.id
    left join organisations o on o.id = u.organisation_id
    left join lateral (
      select count(*) as n, max(completion_date) as last_at from completions where user_id = u.id
    ) c on true
    order by k.rank`;
}

function toLearner(r: RawLearner): LearnerRow {
  return {
    userName: r.user_name,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    organisation: r.organisation,
    completionCount: Number(r.completion_count),
    lastCompletionAt: r.last_completion_at === null ? null : new Date(r.last_completion_at),
  };
}

/** `%`, `_` and `\` taken literally inside an ILIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The learner (alias `u`) whose user name or e-mail is `userNameOrEmail`, ignoring case (indexed on lower()). */
export function isLearner(userNameOrEmail: string): SQL {
  return sql`(lower(u.user_name) = lower(${userNameOrEmail}) or lower(u.email) = lower(${userNameOrEmail}))`;
}

// What a search matches in: user name, e-mail and full name, joined by a unit separator (chr(31)) so that no match
// spans two of them. Migration 0002 indexes exactly this expression with trigrams.
export const LEARNER_SEARCH_TEXT = sql.raw(
  "(u.user_name || chr(31) || u.email || chr(31) || u.first_name || ' ' || u.last_name)",
);

// The learners of this many of the latest completions are "recently active": searched first, so neither an empty
// query nor a broad one ("company.com") ranks every learner of a large LMS by activity.
const RECENT_COMPLETIONS = 5000;

/**
 * Learners whose user name, e-mail or full name contains `query` (case-insensitive): an exact user name or
 * e-mail first, then the most recently active (by their latest recorded completion). An empty query lists the
 * most recently active learners.
 *
 * First among the learners of the latest completions (and an exact match, wherever it is): when that finds
 * `limit`, they are the answer, as nobody else was active since. Otherwise every learner is searched, which the
 * trigram index keeps fast for the narrow queries that get there.
 */
export async function searchLearners(
  db: DbOrTx,
  query: string,
  limit: number,
  recentCompletions = RECENT_COMPLETIONS,
): Promise<LearnerRow[]> {
  const q = query.trim();
  const pattern = `%${likeLiteral(q)}%`;
  const matches = q === "" ? sql`true` : sql`${LEARNER_SEARCH_TEXT} ilike ${pattern}`;
  const isExact = q === "" ? sql`false` : isLearner(q);
  const recent = await db.execute<RawLearner>(
    withDetails(sql`
      with recent as (
        select user_id, max(recorded_at) as active_at
        from (select user_id, recorded_at from completions order by recorded_at desc limit ${recentCompletions}) r
        group by user_id
      ),
      candidates as (
        select user_id as id, active_at from recent
        union all
        select u.id, null from users u where ${isExact}
      )
      select u.id, row_number() over (order by bool_or(${isExact}) desc, max(k.active_at) desc nulls last,
        u.user_name) as rank
      from candidates k join users u on u.id = k.id
      where ${matches}
      group by u.id
      order by rank
      limit ${limit}`),
  );
  if (recent.length >= limit) return recent.map(toLearner);
  const everyone = await db.execute<RawLearner>(
    withDetails(sql`
      select u.id, row_number() over (order by ${isExact} desc,
        (select max(recorded_at) from completions where user_id = u.id) desc nulls last, u.user_name) as rank
      from users u
      where ${matches}
      order by rank
      limit ${limit}`),
  );
  return everyone.map(toLearner);
}

/** One learner by user name or e-mail (case-insensitive), as loadUserCompletionRecords matches them. */
export async function findLearner(db: DbOrTx, userNameOrEmail: string): Promise<LearnerRow | undefined> {
  const rows = await db.execute<RawLearner>(
    withDetails(sql`
      select u.id, row_number() over (order by (lower(u.user_name) = lower(${userNameOrEmail})) desc) as rank
      from users u where ${isLearner(userNameOrEmail)}
      order by rank
      limit 1`),
  );
  const row = rows[0];
  return row ? toLearner(row) : undefined;
}

/**
 * The distinct values of the numeric result fields among the latest `sample` completions, at most
 * `maxValues` each, so the editor can warn about a statusMap that misses a value that really occurs.
 */
export async function recentResultValues(
  db: DbOrTx,
  sample: number,
  maxValues: number,
): Promise<{ bestCombined: number[]; bestScore: number[] }> {
  const rows = await db.execute<{ field: string; value: number | string }>(sql`
    with recent as (
      select best_combined, best_score from completions order by recorded_at desc, id desc limit ${sample}
    ),
    combined as (select distinct best_combined as value from recent order by 1 limit ${maxValues}),
    score as (
      select distinct best_score as value from recent where best_score is not null order by 1 limit ${maxValues}
    )
    select 'bestCombined' as field, value from combined
    union all
    select 'bestScore' as field, value from score`);
  const values = { bestCombined: [] as number[], bestScore: [] as number[] };
  for (const r of rows) {
    const target = r.field === "bestCombined" ? values.bestCombined : values.bestScore;
    target.push(Number(r.value));
  }
  values.bestCombined.sort((a, b) => a - b);
  values.bestScore.sort((a, b) => a - b);
  return values;
}
