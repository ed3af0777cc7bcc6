import { and, desc, type SQL, sql } from "drizzle-orm";
import { TEXT_SEARCH_SPAN } from "../../lib/sync-log/model";
import type { DbOrTx } from "../client";
import { syncLog } from "../schema";
import { type LogFilterValues, learnersMatching, logTextMatches, where } from "./sync-log-read";

/** A learner filter matching more learners than this is matched in a subquery instead of by their ids. */
const LEARNER_IDS_MAX = 1_000;

/**
 * The ids of the learners whose user name, e-mail or name contains `user` (trigram index on users), so the log is
 * read through its (integration, learner, time) index; undefined when more than LEARNER_IDS_MAX match.
 */
export async function resolveLearnerIds(db: DbOrTx, user: string): Promise<number[] | undefined> {
  const rows = await db.execute<{ id: number }>(sql`${learnersMatching(user)} limit ${LEARNER_IDS_MAX + 1}`);
  return rows.length > LEARNER_IDS_MAX ? undefined : rows.map((r) => Number(r.id));
}

/**
 * Entries after the cursor entry in the newest-first order, (created_at, id) descending. The position is read in
 * the statement (microseconds intact); a cursor that names no entry of the integration (gone by retention) leaves
 * nothing after it.
 */
function afterCursor(integrationId: string, cursor: number): SQL {
  return sql`(${syncLog.createdAt}, ${syncLog.id}) < ((select c.created_at from sync_log c
    where c.id = ${cursor} and c.integration_id = ${integrationId}::uuid), ${cursor})`;
}

/**
 * Whether a page reads all the matching entries of the learners (a learner and an outcome, status or run filter), so
 * it knows their count too (LogPageKeys.total).
 */
export function readsLearnersWhole(f: LogFilterValues): boolean {
  return !f.q && !!f.userIds?.length && !!(f.outcome || f.status || f.runId);
}

export type LogPageKeys = {
  /** The page's entry ids, newest first. */
  ids: number[];
  nextCursor: number | null;
  /** Set when a text search stopped at its span before filling the page: the time of the last entry it read. */
  searchedBackTo: Date | null;
  /** How many entries match in all, when the page read them all (readsLearnersWhole). */
  total?: number;
};

/**
 * The statement that picks one page's ids, newest first by (created_at, id), through the (integration, created_at,
 * id) index (or the learner one); `f.userIds` as resolveLearnerIds gave them. Without text it returns `limit + 1`
 * ids; with text it reads at most TEXT_SEARCH_SPAN entries after the cursor, in order, and returns the hits (`hit`)
 * and the span's last entry (`rn` = the span), stopping once it has `limit + 1` hits.
 */
export function logPageKeysQuery(
  db: DbOrTx,
  integrationId: string,
  f: LogFilterValues,
  limit: number,
  cursor?: number,
): SQL {
  const base = and(
    where(integrationId, { ...f, q: undefined }),
    cursor ? afterCursor(integrationId, cursor) : undefined,
  );
  const order = [desc(syncLog.createdAt), desc(syncLog.id)];
  if (readsLearnersWhole(f)) {
    // A learner and a filter the index cannot answer: all the learners' matching entries, read through the learner
    // index as one bitmap (in table order), then the newest. A cost bounded by the learners' own entries, where a
    // walk of the whole log in time order would read all of it when none match (a learner without failures).
    const matching = db.select({ id: syncLog.id, createdAt: syncLog.createdAt }).from(syncLog).where(base);
    // Every matching entry is read anyway, so the count comes with the page (n).
    return sql`with m as materialized (${matching})
      select id, count(*) over () as n from m order by created_at desc, id desc limit ${limit + 1}`;
  }
  if (!f.q && f.userIds?.length) {
    // Each learner's newest entries through the learner index, then the newest of those: a cost bounded by the
    // learners' own entries, and one learner with many stops at a page.
    const others = and(
      where(integrationId, { ...f, user: undefined, userIds: undefined }),
      cursor ? afterCursor(integrationId, cursor) : undefined,
    );
    const newest = db
      .select({ id: syncLog.id, createdAt: syncLog.createdAt })
      .from(syncLog)
      .where(and(others, sql`${syncLog.userId} = l.uid`))
      .orderBy(...order)
      .limit(limit + 1);
    return sql`select s.id from unnest(${`{${f.userIds.join(",")}}`}::int[]) as l(uid)
      cross join lateral (${newest}) s order by s.created_at desc, s.id desc limit ${limit + 1}`;
  }
  if (!f.q) {
    return sql`${db
      .select({ id: syncLog.id })
      .from(syncLog)
      .where(base)
      .orderBy(...order)
      .limit(limit + 1)}`;
  }
  const span = TEXT_SEARCH_SPAN;
  const read = db
    .select({
      id: syncLog.id,
      createdAt: syncLog.createdAt,
      hit: sql<boolean>`${logTextMatches(f.q)}`.as("hit"),
    })
    .from(syncLog)
    .where(base)
    .orderBy(...order)
    .limit(span);
  // Rows come in order and the executor stops pulling once it has enough of them.
  return sql`
    select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at, hit, rn from (
      select s.id, s.created_at, s.hit, row_number() over () as rn from (${read}) s
    ) t where hit or rn = ${span} limit ${limit + 2}`;
}

/** One page's ids (see logPageKeysQuery), the next cursor, and where a text search stopped. */
export async function selectLogPageKeys(
  db: DbOrTx,
  integrationId: string,
  f: LogFilterValues,
  limit: number,
  cursor?: number,
): Promise<LogPageKeys> {
  const rows = await db.execute<{
    id: number | string;
    created_at?: string;
    hit?: boolean;
    rn?: number | string;
    n?: number | string;
  }>(logPageKeysQuery(db, integrationId, f, limit, cursor));
  if (!f.q) {
    const ids = rows.slice(0, limit).map((r) => Number(r.id));
    const total = readsLearnersWhole(f) ? Number(rows[0]?.n ?? 0) : undefined;
    return { ids, nextCursor: rows.length > limit ? ids.at(-1)! : null, searchedBackTo: null, total };
  }
  const hits: number[] = [];
  let boundary: { id: number; createdAt: Date } | null = null;
  for (const r of rows) {
    if (hits.length > limit) break;
    if (r.hit) hits.push(Number(r.id));
    if (Number(r.rn) === TEXT_SEARCH_SPAN)
      boundary = { id: Number(r.id), createdAt: new Date(r.created_at!) };
  }
  if (hits.length > limit) {
    const ids = hits.slice(0, limit);
    return { ids, nextCursor: ids.at(-1)!, searchedBackTo: null };
  }
  return { ids: hits, nextCursor: boundary?.id ?? null, searchedBackTo: boundary?.createdAt ?? null };
}
