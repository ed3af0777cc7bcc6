import { sql } from "drizzle-orm";
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

const SELECT = sql`
  select u.user_name, u.email, u.first_name, u.last_name, o.name as organisation,
    coalesce(c.n, 0) as completion_count, c.last_at as last_completion_at
  from users u
  left join organisations o on o.id = u.organisation_id
  left join lateral (
    select count(*) as n, max(completion_date) as last_at from completions where user_id = u.id
  ) c on true`;

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

/**
 * Learners whose user name, e-mail or full name contains `query` (case-insensitive): an exact user name or
 * e-mail first, then the most recently active. An empty query lists the most recently active learners.
 */
export async function searchLearners(db: DbOrTx, query: string, limit: number): Promise<LearnerRow[]> {
  const q = query.trim();
  const pattern = `%${likeLiteral(q)}%`;
  const rows = await db.execute<RawLearner>(sql`${SELECT}
    where ${q} = '' or u.user_name ilike ${pattern} or u.email ilike ${pattern}
      or (u.first_name || ' ' || u.last_name) ilike ${pattern}
    order by (lower(u.user_name) = lower(${q}) or lower(u.email) = lower(${q})) desc,
      c.last_at desc nulls last, u.user_name
    limit ${limit}`);
  return rows.map(toLearner);
}

/** One learner by user name or e-mail (case-insensitive), as loadUserCompletionRecords matches them. */
export async function findLearner(db: DbOrTx, userNameOrEmail: string): Promise<LearnerRow | undefined> {
  const rows = await db.execute<RawLearner>(sql`${SELECT}
    where lower(u.user_name) = lower(${userNameOrEmail}) or lower(u.email) = lower(${userNameOrEmail})
    order by (lower(u.user_name) = lower(${userNameOrEmail})) desc
    limit 1`);
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
