// What the log page reads from a download as it streams: how many rows have arrived, and the file's name.

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * Counts the rows of a CSV or NDJSON download chunk by chunk. A CSV row ends at a line feed outside quotes: a quoted
 * body or error can hold line feeds of its own, which are not rows. (NDJSON escapes them; every line is a row.)
 */
export function rowCounter(format: "csv" | "ndjson") {
  let rows = 0;
  let isQuoted = false;
  return {
    add(chunk: Uint8Array): number {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        // A doubled quote inside quotes ("") toggles twice: it stays quoted, as it should.
        if (byte === QUOTE && format === "csv") isQuoted = !isQuoted;
        else if (byte === LF && !isQuoted) rows += 1;
      }
      // The CSV's first line names the columns.
      return format === "csv" ? Math.max(rows - 1, 0) : rows;
    },
  };
}

/** The download's file name as the server gave it: its UTF-8 name (RFC 6266's filename*) when given, else the ASCII one. */
export function downloadFileName(contentDisposition: string | null, fallback: string): string {
  const header = contentDisposition ?? "";
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // fall through to the ASCII name
    }
  }
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}
