import "server-only";
import type { Db } from "@/db/client";
import { streamLogEntries, streamLogEntriesAsJson } from "@/db/queries/sync-log-export";
import type { LogFilterValues } from "@/db/queries/sync-log-read";
import { streamedDownload } from "@/lib/api/download";
import { CSV_COLUMNS, CSV_METADATA_COLUMNS, csvHeader, toCsvLine, toNdjsonLine } from "./export";
import { withLearnerIds } from "./read-page";

/**
 * The log export as a streamed download: read from one cursor in batches and written a batch per chunk, so the web
 * process holds one batch whatever the size. A CSV never reads the headers; a metadata CSV not the bodies either.
 */
export async function logExportResponse(
  db: Db,
  integration: { id: string; name: string },
  input: LogFilterValues & { format: "csv" | "ndjson"; columns: "all" | "metadata" },
): Promise<Response> {
  const { format, columns: which, ...filter } = input;
  const f = await withLearnerIds(db, filter);
  const stamp = new Date().toISOString().slice(0, 10);
  const fileName = `${integration.name}-sync-log-${stamp}`;
  if (format === "ndjson") {
    // PostgreSQL writes each line's JSON; this process only adds the newlines.
    return streamedDownload({
      rows: { batches: streamLogEntriesAsJson(db, integration.id, f, { batch: 250 }) },
      format,
      fileName,
      csvHeader: "",
      toCsvLine: (line) => line,
      toNdjsonLine: (line) => `${line}\n`,
    });
  }
  const metadataOnly = which === "metadata";
  const columns = metadataOnly ? CSV_METADATA_COLUMNS : CSV_COLUMNS;
  const notRead = ["requestHeaders", "responseHeaders"];
  if (metadataOnly) notRead.push("requestBody", "responseBody");
  return streamedDownload({
    // Bodies may be up to 64 KiB each: a batch that reads them is smaller, so one batch stays a few megabytes.
    rows: {
      batches: streamLogEntries(db, integration.id, f, {
        leaveOut: notRead,
        batch: metadataOnly ? 2_000 : 250,
      }),
    },
    format,
    fileName,
    csvHeader: csvHeader(columns),
    toCsvLine: (row) => toCsvLine(row, columns),
    toNdjsonLine,
  });
}
