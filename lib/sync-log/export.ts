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

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Quote every field that needs it (RFC 4180); a leading = + - @ is neutralised so spreadsheets do not run it.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(",")}\r\n`;
}

/** One log entry as a CSV line (request headers are left out: the JSON export has them). */
export function toCsvLine(row: ExportRow): string {
  return `${CSV_COLUMNS.map((c) => cell(row[c])).join(",")}\r\n`;
}

/** One log entry as one JSON line, with everything stored (headers are already redacted). */
export function toNdjsonLine(row: ExportRow): string {
  return `${JSON.stringify(row)}\n`;
}
