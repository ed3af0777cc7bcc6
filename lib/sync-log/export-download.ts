import "server-only";
import type { Db } from "@/db/client";
import { streamLogLines } from "@/db/queries/sync-log-export";
import type { LogFilterValues } from "@/db/queries/sync-log-read";
import { streamedDownload } from "@/lib/api/download";
import { CSV_COLUMNS, CSV_METADATA_COLUMNS, csvHeader } from "./export";
import { withLearnerIds } from "./read-page";

/**
 * The log export as a streamed download: lines written by PostgreSQL (the CSV cells as csvCell makes them, the JSON
 * as the API gives an entry), read from one cursor in batches and written a batch per chunk, so the web process
 * holds one batch of strings whatever the size. A CSV never reads the headers; a metadata CSV not the bodies either.
 */
export async function logExportResponse(
  db: Db,
  integration: { id: string; name: string },
  input: LogFilterValues & { format: "csv" | "ndjson"; columns: "all" | "metadata" },
): Promise<Response> {
  const { format, columns: which, ...filter } = input;
  const f = await withLearnerIds(db, filter);
  const columns = which === "metadata" ? CSV_METADATA_COLUMNS : CSV_COLUMNS;
  // Bodies may be up to 64 KiB each: a batch that reads them is smaller, so one batch stays a few megabytes.
  const batch = format === "csv" && which === "metadata" ? 2_000 : 250;
  const out = format === "csv" ? { format, columns, batch } : { format, batch };
  return streamedDownload({
    rows: { batches: streamLogLines(db, integration.id, f, out) },
    format,
    fileName: `${integration.name}-sync-log-${new Date().toISOString().slice(0, 10)}`,
    csvHeader: csvHeader(columns),
    toCsvLine: (line) => line,
    toNdjsonLine: (line) => `${line}\n`,
  });
}
