import "server-only";
import type { DbOrTx } from "@/db/client";
import { countLogEntries, type LogTotal } from "@/db/queries/sync-log-count";
import { readsLearnersWhole, resolveLearnerIds, selectLogPageKeys } from "@/db/queries/sync-log-keys";
import { type LogEntrySummary, type LogFilterValues, logSummariesByIds } from "@/db/queries/sync-log-read";

export type LogPage = {
  entries: LogEntrySummary[];
  nextCursor: number | null;
  /** Where a text search stopped reading (it reads a bounded span per page); null otherwise. */
  searchedBackTo: Date | null;
  /** On the first page (no cursor): how many entries match, exact or estimated; null for a text search. */
  total: LogTotal | null;
};

/** The learner filter resolved to learner ids when few enough learners match (see resolveLearnerIds). */
export async function withLearnerIds(db: DbOrTx, f: LogFilterValues): Promise<LogFilterValues> {
  if (!f.user) return f;
  const userIds = await resolveLearnerIds(db, f.user);
  return userIds ? { ...f, userIds } : f;
}

/** One page of the sync log: the matching entries' ids through the indexes first, then their summaries. */
export async function readLogPage(
  db: DbOrTx,
  integrationId: string,
  filter: LogFilterValues,
  limit: number,
  cursor?: number,
): Promise<LogPage> {
  const f = await withLearnerIds(db, filter);
  // A page that reads all the matching entries counts them on the way; otherwise the count runs beside it.
  const counted = !cursor && !readsLearnersWhole(f);
  const [keys, count] = await Promise.all([
    selectLogPageKeys(db, integrationId, f, limit, cursor),
    counted ? countLogEntries(db, integrationId, f) : null,
  ]);
  const entries = await logSummariesByIds(db, keys.ids);
  const total = cursor ? null : counted ? count : { count: keys.total ?? 0, isEstimate: false };
  return { entries, nextCursor: keys.nextCursor, searchedBackTo: keys.searchedBackTo, total };
}
