import { desc, type SQL, sql } from "drizzle-orm";
import { type PgColumn, PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { syncLog } from "../schema";
import { type LogFilterValues, logDetailColumns, where, withLogJoins } from "./sync-log-read";

type ExportColumn = keyof typeof logDetailColumns;

const NUMERIC = new Set(["PgInteger", "PgSmallInt", "PgBigInt53", "PgBigInt64", "PgSerial", "PgBigSerial53"]);

/**
 * A column as the export needs it, made by PostgreSQL rather than by a mapper row by row: times as ISO 8601 text in
 * UTC with milliseconds (Date.toISOString's form), 53-bit ids as numbers (JSON) or their digits (CSV).
 */
function exported(column: PgColumn, format: "csv" | "ndjson"): SQL {
  if (column.columnType === "PgTimestamp") {
    return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }
  if (column.columnType === "PgBigInt53")
    return format === "csv" ? sql`${column}::text` : sql`${column}::float8`;
  return sql`${column}`;
}

/**
 * One CSV cell made by PostgreSQL exactly as lib/sync-log/export.ts's csvCell makes it (a test holds the two to the
 * same bytes): empty for null, numbers as digits, and text quoted where RFC 4180 needs it, a cell a spreadsheet
 * would read as a formula (starting with = + - @ TAB or CR) prefixed with an apostrophe and quoted.
 */
function csvCellSql(name: string, numeric: boolean): SQL {
  const v = sql`entry.${sql.identifier(name)}::text`;
  if (numeric) return sql`coalesce(${v}, '')`;
  return sql`case when ${v} is null then ''
    when ${v} ~ '^[=+@\t\r-]' then '"''' || replace(${v}, '"', '""') || '"'
    when ${v} ~ '[",\r\n]' then '"' || replace(${v}, '"', '""') || '"'
    else ${v} end`;
}

/**
 * The export's statement: every matching entry as one line of text, newest first, in one statement (its joins are
 * hashed once rather than looked up row by row). PostgreSQL writes the line, so the web process neither builds an
 * object per entry nor parses the stored headers only to write them out again: a batch is a few strings, and a
 * download's memory stays flat. NDJSON lines hold every column (without the newline); CSV lines hold `columns`,
 * with their CRLF.
 */
export function logExportLinesQuery(
  db: Db,
  integrationId: string,
  f: LogFilterValues,
  out: { format: "ndjson" } | { format: "csv"; columns: readonly ExportColumn[] },
): SQL {
  const read = out.format === "csv" ? out.columns : (Object.keys(logDetailColumns) as ExportColumn[]);
  const fields = Object.fromEntries(
    read.map((key) => [key, exported(logDetailColumns[key] as PgColumn, out.format).as(key)]),
  );
  const entries = withLogJoins(db.select(fields).from(syncLog).$dynamic())
    .where(where(integrationId, f))
    .orderBy(desc(syncLog.createdAt), desc(syncLog.id));
  if (out.format === "ndjson") return sql`select row_to_json(entry)::text as line from (${entries}) entry`;
  const cells = out.columns.map((key) =>
    csvCellSql(key, NUMERIC.has((logDetailColumns[key] as PgColumn).columnType)),
  );
  return sql`select concat_ws(',', ${sql.join(cells, sql`, `)}) || E'\r\n' as line from (${entries}) entry`;
}

/**
 * Every matching entry as a line of text (see logExportLinesQuery), newest first, in batches of `batch` read from
 * one server-side cursor: one statement and one snapshot however large the log, and memory bounded by a batch (the
 * consumer pulls the next one when it is ready).
 */
export async function* streamLogLines(
  db: Db,
  integrationId: string,
  f: LogFilterValues,
  out: Parameters<typeof logExportLinesQuery>[3] & { batch: number },
): AsyncGenerator<string[]> {
  const query = new PgDialect().sqlToQuery(logExportLinesQuery(db, integrationId, f, out));
  const cursor = db.$client.unsafe(query.sql, query.params as never[]).cursor(out.batch);
  for await (const rows of cursor) yield rows.map((r) => r.line as string);
}
