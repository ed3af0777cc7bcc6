import { and, desc, eq, gte, ilike, inArray, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { FAILED_OUTCOMES, type LogOutcome } from "../../lib/sync/model";
import type { DbOrTx } from "../client";
import { activities, completions, deliveries, syncLog, users } from "../schema";
import { LEARNER_SEARCH_TEXT } from "./learners";

export type LogFilterValues = {
  /** "failure" includes interrupted attempts (a failure of unknown result). */
  outcome?: LogOutcome;
  status?: number;
  user?: string;
  /** The learners `user` names, resolved first (resolveLearnerIds); without it `user` is matched in a subquery. */
  userIds?: number[];
  from?: Date;
  to?: Date;
  q?: string;
  /** Only the attempts of this sync run. */
  runId?: number;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Learners whose user name, e-mail or full name contains `user` (the trigram-indexed search text). */
export function learnersMatching(user: string) {
  return sql`select u.id from users u where ${LEARNER_SEARCH_TEXT} ilike ${`%${escapeLike(user)}%`}`;
}

/** Whether a log row's request, response or error holds `q` (case-insensitive). */
export function logTextMatches(q: string): SQL {
  const text = `%${escapeLike(q)}%`;
  return or(
    ilike(syncLog.requestBody, text),
    ilike(syncLog.responseBody, text),
    ilike(syncLog.errorMessage, text),
  )!;
}

/** The filters as one condition on sync_log (no join needed); `beforeId` pages by id. */
export function where(integrationId: string, f: LogFilterValues, beforeId?: number): SQL | undefined {
  return and(
    eq(syncLog.integrationId, integrationId),
    f.outcome === "failure"
      ? inArray(syncLog.outcome, [...FAILED_OUTCOMES])
      : f.outcome
        ? eq(syncLog.outcome, f.outcome)
        : undefined,
    f.status ? eq(syncLog.status, f.status) : undefined,
    f.runId ? eq(syncLog.runId, f.runId) : undefined,
    f.from ? gte(syncLog.createdAt, f.from) : undefined,
    f.to ? lte(syncLog.createdAt, f.to) : undefined,
    f.userIds
      ? inArray(syncLog.userId, f.userIds)
      : f.user
        ? inArray(syncLog.userId, learnersMatching(f.user))
        : undefined,
    f.q ? logTextMatches(f.q) : undefined,
    beforeId ? lt(syncLog.id, beforeId) : undefined,
  );
}

const summaryColumns = {
  id: syncLog.id,
  createdAt: syncLog.createdAt,
  deliveryId: syncLog.deliveryId,
  deliveryState: deliveries.state,
  runId: syncLog.runId,
  attempt: syncLog.attempt,
  userEmail: users.email,
  userName: users.userName,
  activityName: activities.name,
  completionDate: completions.completionDate,
  requestUrl: syncLog.requestUrl,
  status: syncLog.status,
  outcome: syncLog.outcome,
  durationMs: syncLog.durationMs,
  errorCode: syncLog.errorCode,
  errorMessage: syncLog.errorMessage,
  diagnosis: syncLog.diagnosis,
  mappingVersion: syncLog.mappingVersion,
};

const detailColumns = {
  ...summaryColumns,
  requestHeaders: syncLog.requestHeaders,
  requestBody: syncLog.requestBody,
  responseHeaders: syncLog.responseHeaders,
  responseBody: syncLog.responseBody,
  responseTruncated: syncLog.responseTruncated,
  errorDetail: syncLog.errorDetail,
  diagnosisCause: syncLog.diagnosisCause,
  diagnosisFix: syncLog.diagnosisFix,
};

/** Log rows with the learner, course and delivery they belong to. */
const summaries = (db: DbOrTx) => withJoins(db.select(summaryColumns).from(syncLog).$dynamic());
const details = (db: DbOrTx) => withJoins(db.select(detailColumns).from(syncLog).$dynamic());

function withJoins<T extends PgSelect>(qb: T) {
  return qb
    .leftJoin(users, eq(users.id, syncLog.userId))
    .leftJoin(completions, eq(completions.id, syncLog.completionId))
    .leftJoin(activities, eq(activities.id, completions.activityId))
    .leftJoin(deliveries, eq(deliveries.id, syncLog.deliveryId));
}

/** One page of log entries, newest first; pass the last id as `beforeId` for the next page. */
export function listLogEntries(
  db: DbOrTx,
  integrationId: string,
  f: LogFilterValues,
  limit: number,
  beforeId?: number,
) {
  return summaries(db)
    .where(where(integrationId, f, beforeId))
    .orderBy(desc(syncLog.id))
    .limit(limit);
}
export type LogEntrySummary = Awaited<ReturnType<typeof listLogEntries>>[number];

/** The summaries of the entries `ids`, in that order (a page whose ids were chosen by sync-log-keys.ts). */
export async function logSummariesByIds(db: DbOrTx, ids: number[]): Promise<LogEntrySummary[]> {
  if (ids.length === 0) return [];
  const rows = await summaries(db).where(inArray(syncLog.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What an export writes of each entry, and the joins that give it (streamed by sync-log-export.ts). */
export { detailColumns as logDetailColumns, withJoins as withLogJoins };

/** One entry with everything that was sent and received. */
export async function findLogEntry(db: DbOrTx, integrationId: string, id: number) {
  const [row] = await details(db).where(and(eq(syncLog.integrationId, integrationId), eq(syncLog.id, id)));
  return row;
}
export type LogEntryDetail = NonNullable<Awaited<ReturnType<typeof findLogEntry>>>;
