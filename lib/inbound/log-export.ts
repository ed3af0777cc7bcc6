import type { InboundLogDetail } from "@/db/queries/inbound-log";
import { csvCell } from "@/lib/sync-log/export";

export const INBOUND_CSV_COLUMNS = [
  "id",
  "receivedAt",
  "outcome",
  "status",
  "verifiedBy",
  "verifiedAs",
  "reason",
  "messageId",
  "kind",
  "itemsOk",
  "itemsFailed",
  "itemErrors",
  "bodyBytes",
  "bodyTruncated",
  "body",
] as const;

/** The first line of the CSV download, after a byte-order mark so Excel reads it as UTF-8. */
export function inboundCsvHeader(): string {
  return `\uFEFF${INBOUND_CSV_COLUMNS.join(",")}\r\n`;
}

/** Per-item errors as one cell: `#3 email: Invalid email; #7 activityName: No activity…`. */
function itemErrorsText(errors: InboundLogDetail["itemErrors"]): string {
  return errors
    .flatMap(({ index, errors: list }) => list.map((e) => `#${index} ${e.field || "item"}: ${e.message}`))
    .join("; ");
}

/** One request as a CSV line; cells a spreadsheet would run as formulas are neutralised. */
export function toInboundCsvLine(row: InboundLogDetail): string {
  const cells = {
    ...row,
    itemErrors: itemErrorsText(row.itemErrors),
    bodyTruncated: String(row.bodyTruncated),
  };
  return `${INBOUND_CSV_COLUMNS.map((c) => csvCell(cells[c])).join(",")}\r\n`;
}

/** One request as one JSON line, with everything stored. */
export function toInboundNdjsonLine(row: InboundLogDetail): string {
  return `${JSON.stringify(row)}\n`;
}
