import { type SQL, sql } from "drizzle-orm";
import { INTERRUPTED_DIAGNOSIS, INTERRUPTED_ERROR } from "../../lib/sync/model";
import type { DbOrTx } from "../client";
import type { NewSyncLogEntry } from "../schema";
import { deleteLogRowsBefore } from "./log-retention";

/** What a log row says of the request, known before it is sent. */
type SyncLogRequest = Pick<
  NewSyncLogEntry,
  | "integrationId"
  | "deliveryId"
  | "runId"
  | "userId"
  | "completionId"
  | "attempt"
  | "requestBody"
  | "mappingVersion"
>;

/**
 * The request's columns as JSON object members (without braces). Each object below is one literal of a fixed
 * shape, dates as ISO text: JSON.stringify takes its fast path on such an object, about three times as fast as on
 * one assembled by spreads, and a sync serialises two per attempt.
 */
const requestMembers = (r: SyncLogRequest): string =>
  JSON.stringify({
    integration_id: r.integrationId,
    delivery_id: r.deliveryId ?? null,
    run_id: r.runId ?? null,
    user_id: r.userId ?? null,
    completion_id: r.completionId ?? null,
    attempt: r.attempt,
    request_body: r.requestBody,
    mapping_version: r.mappingVersion,
  }).slice(1, -1);

/** What the answer (or its absence) decides. */
export type SyncLogAnswer = Pick<
  NewSyncLogEntry,
  | "createdAt"
  | "durationMs"
  | "requestUrl"
  | "requestHeaders"
  | "status"
  | "responseHeaders"
  | "responseBody"
  | "responseTruncated"
  | "errorCode"
  | "errorMessage"
  | "errorDetail"
  | "diagnosis"
  | "diagnosisCause"
  | "diagnosisFix"
  | "outcome"
>;

/** The answer's columns as JSON object members (without braces). */
const answerMembers = (r: SyncLogAnswer): string =>
  JSON.stringify({
    created_at: r.createdAt ? r.createdAt.toISOString() : null,
    duration_ms: r.durationMs,
    request_url: r.requestUrl,
    request_headers: r.requestHeaders,
    status: r.status ?? null,
    response_headers: r.responseHeaders ?? null,
    response_body: r.responseBody ?? null,
    response_truncated: r.responseTruncated ?? null,
    error_code: r.errorCode ?? null,
    error_message: r.errorMessage ?? null,
    error_detail: r.errorDetail ?? null,
    diagnosis: r.diagnosis ?? null,
    diagnosis_cause: r.diagnosisCause ?? null,
    diagnosis_fix: r.diagnosisFix ?? null,
    outcome: r.outcome,
  }).slice(1, -1);

/**
 * One log row as the JSON the batch statements read. A sync serialises each attempt's row as soon as it has it, so
 * the rows waiting for their batch are single strings rather than graphs of objects for the garbage collector to
 * trace and copy.
 */
export function serializeSyncLogRow(r: NewSyncLogEntry): string {
  return `{${requestMembers(r)},${answerMembers(r)}}`;
}

/**
 * An attempt's row as it is recorded in flight, before its request leaves: the request, when it started, where it
 * went and with which headers, and no answer. The take-back logs it as interrupted (logInterrupted) if no answer
 * is ever written; withLoggedAnswer completes it.
 */
export function serializeInFlightRow(
  r: SyncLogRequest & { createdAt: Date; requestUrl: string; requestHeaders: Record<string, string> },
): string {
  const sent = {
    created_at: r.createdAt.toISOString(),
    request_url: r.requestUrl,
    request_headers: r.requestHeaders,
  };
  return `{${requestMembers(r)},${JSON.stringify(sent).slice(1)}`;
}

/**
 * A row from serializeInFlightRow (or serializeSyncLogRow) with its answer, without serialising its request again:
 * the answer's keys are appended, and PostgreSQL's JSON functions take the last of a repeated key.
 */
export function withLoggedAnswer(row: string, answer: SyncLogAnswer): string {
  return `${row.slice(0, -1)},${answerMembers(answer)}}`;
}

/** Adds the rows of `source` (created_at, integration_id, outcome) to the chart's quarter hours (syncLogCounts). */
const addToCounts = (source: SQL) => sql`
    insert into sync_log_counts (bucket, integration_id, outcome, count)
    select date_bin('15 minutes', created_at, timestamptz '2000-01-01 00:00:00+00'), integration_id, outcome, count(*)
    from ${source}
    group by 1, 2, 3
    on conflict (bucket, integration_id, outcome) do update set count = sync_log_counts.count + excluded.count`;

/** Inserts log rows from `records` (a set of sync_log records), coalescing what a row may leave out. */
const insertLogRows = (records: SQL) => sql`
      insert into sync_log (integration_id, delivery_id, run_id, user_id, completion_id, created_at, duration_ms,
        attempt, request_url, request_headers, request_body, status, response_headers, response_body,
        response_truncated, error_code, error_message, error_detail, diagnosis, diagnosis_cause, diagnosis_fix,
        outcome, mapping_version)
      select integration_id, delivery_id, run_id, user_id, completion_id, coalesce(created_at, now()), duration_ms,
        attempt, request_url, request_headers, request_body, status, coalesce(response_headers, '{}'),
        coalesce(response_body, ''), coalesce(response_truncated, false), error_code, error_message, error_detail,
        diagnosis, diagnosis_cause, diagnosis_fix, outcome, mapping_version
      from ${records}
      returning created_at, integration_id, outcome`;

/**
 * Many log rows (from serializeSyncLogRow) in one insert, and their counts added to the chart's quarter hours
 * (syncLogCounts) in the same statement. The rows travel as one JSON parameter: the statement text is the same for
 * every batch size, so PostgreSQL prepares it once, and no per-value parameter list is built (a 200-row batch would
 * otherwise bind ~4,000 parameters).
 */
export async function insertSyncLogRows(db: DbOrTx, rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  const json = `[${rows.join(",")}]`;
  await db.execute(sql`
    with inserted as (${insertLogRows(sql`json_populate_recordset(null::sync_log, ${json}::json)`)})
    ${addToCounts(sql`inserted`)}`);
}

/**
 * CTEs that log attempts left in flight as interrupted (`interrupted`, its rows) and count them; `inFlight` names a
 * CTE of their log rows (`log_row`, see attemptsInFlight): their requests, without an answer.
 */
export const logInterrupted = (inFlight: SQL) => sql`
    interrupted as (
      ${insertLogRows(sql`(
        select r.integration_id, r.delivery_id, r.run_id, r.user_id, r.completion_id, r.created_at, 0 as duration_ms,
          r.attempt, r.request_url, r.request_headers, r.request_body, null::int as status,
          null::jsonb as response_headers, null::text as response_body, null::boolean as response_truncated,
          ${INTERRUPTED_ERROR.code}::text as error_code, ${INTERRUPTED_ERROR.message}::text as error_message,
          null::text as error_detail, ${INTERRUPTED_DIAGNOSIS.class}::text as diagnosis,
          ${INTERRUPTED_DIAGNOSIS.cause}::text as diagnosis_cause, ${INTERRUPTED_DIAGNOSIS.fix}::text as diagnosis_fix,
          'interrupted'::text as outcome, r.mapping_version
        from ${inFlight} f cross join lateral json_populate_record(null::sync_log, f.log_row::json) r) as i`)}
    ), interrupted_counts as (${addToCounts(sql`interrupted`)})`;

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Deletes log rows (and the chart's counts) from before `before`, one integration and `batchSize` rows at a time,
 * each batch its own statement, so a large first clean-up neither holds long locks nor one huge transaction.
 * The cutoff is the quarter hour `before` falls in (the counts' buckets): a bucket goes with all its rows, or stays
 * with them all, so the counts still add up to the rows kept. Returns how many log rows went.
 */
export async function deleteSyncLogBefore(db: DbOrTx, before: Date, batchSize = 10_000): Promise<number> {
  // Quarter hours since 1970 are those since 2000 (sync_log_counts' origin): 30 years are whole days.
  const cutoff = new Date(Math.floor(before.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
  const deleted = await deleteLogRowsBefore(db, {
    log: sql`sync_log`,
    owners: sql`integrations`,
    owner: sql`integration_id`,
    at: sql`created_at`,
    before: cutoff,
    batchSize,
  });
  await db.execute(sql`delete from sync_log_counts where bucket < ${cutoff.toISOString()}::timestamptz`);
  return deleted;
}
