import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import type { NewSyncLogEntry } from "../schema";

/**
 * One log row as the JSON the batch insert reads. A sync serialises each attempt's row as soon as the attempt ends,
 * so the rows waiting for their batch are single strings rather than graphs of objects for the garbage collector
 * to trace and copy.
 */
export function serializeSyncLogRow(r: NewSyncLogEntry): string {
  return JSON.stringify({
    integration_id: r.integrationId,
    delivery_id: r.deliveryId ?? null,
    run_id: r.runId ?? null,
    user_id: r.userId ?? null,
    completion_id: r.completionId ?? null,
    created_at: r.createdAt ?? null,
    duration_ms: r.durationMs,
    attempt: r.attempt,
    request_url: r.requestUrl,
    request_headers: r.requestHeaders,
    request_body: r.requestBody,
    status: r.status ?? null,
    response_headers: r.responseHeaders ?? null,
    response_body: r.responseBody ?? null,
    response_truncated: r.responseTruncated ?? null,
    error_code: r.errorCode ?? null,
    error_message: r.errorMessage ?? null,
    outcome: r.outcome,
    mapping_version: r.mappingVersion,
  });
}

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
    with inserted as (
      insert into sync_log (integration_id, delivery_id, run_id, user_id, completion_id, created_at, duration_ms,
        attempt, request_url, request_headers, request_body, status, response_headers, response_body,
        response_truncated, error_code, error_message, outcome, mapping_version)
      select integration_id, delivery_id, run_id, user_id, completion_id, coalesce(created_at, now()), duration_ms,
        attempt, request_url, request_headers, request_body, status, coalesce(response_headers, '{}'),
        coalesce(response_body, ''), coalesce(response_truncated, false), error_code, error_message, outcome,
        mapping_version
      from json_populate_recordset(null::sync_log, ${json}::json)
      returning created_at, integration_id, outcome
    )
    insert into sync_log_counts (bucket, integration_id, outcome, count)
    select date_bin('15 minutes', created_at, timestamptz '2000-01-01 00:00:00+00'), integration_id, outcome, count(*)
    from inserted
    group by 1, 2, 3
    on conflict (bucket, integration_id, outcome) do update set count = sync_log_counts.count + excluded.count`);
}

/**
 * Deletes log rows (and the chart's counts) from before `before`, one integration and `batchSize` rows at a time,
 * each batch its own statement, so a large first clean-up neither holds long locks nor one huge transaction.
 * Returns how many log rows went.
 */
export async function deleteSyncLogBefore(db: DbOrTx, before: Date, batchSize = 10_000): Promise<number> {
  const cutoff = before.toISOString();
  const owners = await db.execute<{ id: string }>(sql`select id from integrations`);
  let deleted = 0;
  for (const { id } of owners) {
    for (;;) {
      const rows = await db.execute<{ n: number }>(sql`
        with gone as (
          delete from sync_log where id in (
            select id from sync_log where integration_id = ${id}::uuid and created_at < ${cutoff}::timestamptz
            limit ${batchSize})
          returning 1
        ) select count(*)::int as n from gone`);
      const n = Number(rows[0]?.n ?? 0);
      deleted += n;
      if (n < batchSize) break;
    }
  }
  await db.execute(sql`delete from sync_log_counts where bucket < ${cutoff}::timestamptz`);
  return deleted;
}
