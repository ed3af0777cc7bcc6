import { type SQL, sql } from "drizzle-orm";
import { FAILED_OUTCOMES } from "../../lib/sync/model";
import { EXACT_COUNT_LIMIT } from "../../lib/sync-log/model";
import type { DbOrTx } from "../client";
import { type LogFilterValues, where } from "./sync-log-read";

export type LogTotal = { count: number; isEstimate: boolean };

const BUCKET = (t: SQL) => sql`date_bin('15 minutes', ${t}, timestamptz '2000-01-01 00:00:00+00')`;

/**
 * How many entries match, without reading them all: the time and outcome filters are summed from the chart's
 * quarter-hour counts (sync_log_counts) plus the entries of the two partial quarter hours at the window's edges,
 * exactly; a learner's entries are counted through their index up to EXACT_COUNT_LIMIT; anything beyond (and the
 * status and run filters, which no index serves) is the planner's estimate. Null for a text search, which is
 * bounded (see TEXT_SEARCH_SPAN).
 */
export async function countLogEntries(
  db: DbOrTx,
  integrationId: string,
  f: LogFilterValues,
): Promise<LogTotal | null> {
  if (f.q) return null;
  const hasLearner = f.userIds !== undefined || f.user !== undefined;
  if (!hasLearner && f.status === undefined && f.runId === undefined) {
    return { count: await countFromRollup(db, integrationId, f), isEstimate: false };
  }
  const cond = where(integrationId, f);
  if (hasLearner) {
    const [row] = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from (select 1 from sync_log where ${cond} limit ${EXACT_COUNT_LIMIT + 1}) s`);
    const n = Number(row?.n ?? 0);
    if (n <= EXACT_COUNT_LIMIT) return { count: n, isEstimate: false };
  }
  return { count: await estimateRows(db, sql`select 1 from sync_log where ${cond}`), isEstimate: true };
}

/** The planner's estimate of a query's rows (no rows read). */
async function estimateRows(db: DbOrTx, query: SQL): Promise<number> {
  const [row] = await db.execute<{ "QUERY PLAN": unknown }>(sql`explain (format json) ${query}`);
  const raw = row?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: { "Plan Rows": number } }];
  return Math.round(plan[0].Plan["Plan Rows"]);
}

async function countFromRollup(db: DbOrTx, integrationId: string, f: LogFilterValues): Promise<number> {
  const outcomes = f.outcome === "failure" ? [...FAILED_OUTCOMES] : f.outcome ? [f.outcome] : undefined;
  const outcomeIs = outcomes ? sql`and outcome = any(${`{${outcomes.join(",")}}`}::text[])` : sql``;
  const from = sql`${f.from?.toISOString() ?? null}::timestamptz`;
  const to = sql`${f.to?.toISOString() ?? null}::timestamptz`;
  const rows = (lo: SQL, hi: SQL, hiIncluded: boolean) => sql`(select count(*) from sync_log
    where integration_id = ${integrationId}::uuid ${outcomeIs} and created_at >= ${lo}
      and created_at ${hiIncluded ? sql`<=` : sql`<`} ${hi})`;
  // lo: the first whole quarter hour at or after `from`; hi: the quarter hour that holds `to` (read row by row).
  const [row] = await db.execute<{ n: string | number }>(sql`
    with b as (
      select coalesce(${BUCKET(from)} + case when ${BUCKET(from)} = ${from} then interval '0' else interval '15 minutes' end,
          '-infinity') as lo,
        coalesce(${BUCKET(to)}, 'infinity') as hi
    )
    select case when b.lo < b.hi then
        (select coalesce(sum(count), 0) from sync_log_counts
          where integration_id = ${integrationId}::uuid ${outcomeIs} and bucket >= b.lo and bucket < b.hi)
        + ${rows(from, sql`b.lo`, false)} + ${rows(sql`b.hi`, to, true)}
      else ${rows(from, to, true)} end as n
    from b`);
  return Number(row?.n ?? 0);
}
