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
  // Added later, at the end, so a script that reads the columns above by position still reads them.
  "diagnosis",
  // Whether responseBody was cut at 64 KiB: a cut body read as whole would mislead.
  "responseTruncated",
] as const;

/** The CSV without the request and response bodies (`columns=metadata`). */
export const CSV_METADATA_COLUMNS = CSV_COLUMNS.filter((c) => c !== "requestBody" && c !== "responseBody");

export type CsvColumn = (typeof CSV_COLUMNS)[number];
type ExportRow = { [K in CsvColumn]?: unknown };

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
export function csvHeader(columns: readonly CsvColumn[] = CSV_COLUMNS): string {
  return `\uFEFF${columns.join(",")}\r\n`;
}

/** One log entry as a CSV line (request headers are left out: the JSON export has them). */
export function toCsvLine(row: ExportRow, columns: readonly CsvColumn[] = CSV_COLUMNS): string {
  return `${columns.map((c) => csvCell(row[c])).join(",")}\r\n`;
}

/** One log entry as one JSON line, with everything stored (headers are already redacted). */
export function toNdjsonLine(row: object): string {
  return `${JSON.stringify(row)}\n`;
}
