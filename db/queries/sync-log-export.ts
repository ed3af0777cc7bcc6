import { desc, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { syncLog } from "../schema";
import {
  type LogEntryDetail,
  type LogFilterValues,
  logDetailColumns,
  where,
  withLogJoins,
} from "./sync-log-read";

/** An exported entry as the export writes it: times already ISO 8601 text (as JSON would give a Date). */
export type LogExportRow = Omit<LogEntryDetail, "createdAt" | "completionDate"> & {
  createdAt: string;
  completionDate: string | null;
};

/**
 * A column as the export needs it, made by PostgreSQL rather than by a mapper row by row: times as ISO 8601 text in
 * UTC with milliseconds (Date.toISOString's form), 53-bit ids as numbers.
 */
function exported(column: PgColumn, value: SQL = sql`${column}`): SQL {
  if (column.columnType === "PgTimestamp") {
    return sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }
  if (column.columnType === "PgBigInt53") return sql`${value}::float8`;
  return value;
}

/**
 * The export's statement: every matching entry with what an export writes, newest first, in one statement (its
 * joins are hashed once rather than looked up row by row). `leaveOut` names columns not to read.
 */
export function logExportQuery(
  db: Db,
  integrationId: string,
  f: LogFilterValues,
  leaveOut: readonly string[] = [],
) {
  const fields = Object.fromEntries(
    Object.entries(logDetailColumns)
      .filter(([key]) => !leaveOut.includes(key))
      .map(([key, column]) => [key, exported(column as PgColumn).as(key)]),
  );
  return withLogJoins(db.select(fields).from(syncLog).$dynamic())
    .where(where(integrationId, f))
    .orderBy(desc(syncLog.createdAt), desc(syncLog.id));
}

/**
 * Every matching entry, newest first, in batches of `batch` read from one server-side cursor: one statement and one
 * snapshot however large the log, and memory bounded by a batch (the consumer pulls the next one when it is ready).
 * `leaveOut` names columns not to read (the bodies, for a metadata-only CSV).
 */
export async function* streamLogEntries(
  db: Db,
  integrationId: string,
  f: LogFilterValues,
  opts: { batch?: number; leaveOut?: readonly string[] } = {},
): AsyncGenerator<LogExportRow[]> {
  const query = logExportQuery(db, integrationId, f, opts.leaveOut).toSQL();
  const cursor = db.$client.unsafe(query.sql, query.params as never[]).cursor(opts.batch ?? 2_000);
  for await (const rows of cursor) yield rows as unknown as LogExportRow[];
}

/**
 * Every matching entry as one JSON text each (an NDJSON line without its newline), newest first, in batches from one
 * cursor. PostgreSQL writes the JSON, so the web process neither parses the stored headers nor builds an object per
 * entry only to write it out again: a batch is a few strings, and the download's memory stays flat.
 */
export async function* streamLogEntriesAsJson(
  db: Db,
  integrationId: string,
  f: LogFilterValues,
  opts: { batch?: number } = {},
): AsyncGenerator<string[]> {
  const query = logExportQuery(db, integrationId, f).toSQL();
  const cursor = db.$client
    .unsafe(`select row_to_json(entry)::text as line from (${query.sql}) entry`, query.params as never[])
    .cursor(opts.batch ?? 250);
  for await (const rows of cursor) yield rows.map((r) => r.line as string);
}
