import type { LogEntryDetail } from "@/db/queries/sync-log-read";

export const CSV_COLUMNS = [
  "id",
  "createdAt",
  "outcome",
  "status",
  "durationMs",
  "attempt",
  "userEmail",
  "userName",
  "activityName",
  "completionDate",
  "requestUrl",
  "errorCode",
  "errorMessage",
  "mappingVersion",
  "deliveryId",
  "runId",
  "requestBody",
  "responseBody",
] as const;

type ExportRow = Omit<LogEntryDetail, "responseHeaders"> & { responseHeaders?: unknown };

// A cell a spreadsheet would read as a formula (or a DDE trigger), whatever the leading whitespace trick.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted where needed, a formula-like start neutralised. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Quote every field that needs it (RFC 4180); a cell starting with = + - @ TAB or CR is neutralised with a
  // leading apostrophe so spreadsheets show it as text instead of running it (OWASP CSV injection).
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The first line of a CSV download, after a byte-order mark so Excel reads it as UTF-8 (accented names). */
export function csvHeader(): string {
  return `\uFEFF${CSV_COLUMNS.join(",")}\r\n`;
}

/** One log entry as a CSV line (request headers are left out: the JSON export has them). */
export function toCsvLine(row: ExportRow): string {
  return `${CSV_COLUMNS.map((c) => csvCell(row[c])).join(",")}\r\n`;
}

/** One log entry as one JSON line, with everything stored (headers are already redacted). */
export function toNdjsonLine(row: ExportRow): string {
  return `${JSON.stringify(row)}\n`;
}
