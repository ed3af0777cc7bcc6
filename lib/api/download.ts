/**
 * A streamed CSV or NDJSON download of `rows` (pulled one at a time) or of `batches` (pulled a batch at a time, one
 * chunk each: what a large download needs to be fast), so memory stays bounded either way.
 */
export function streamedDownload<T>(opts: {
  rows: AsyncGenerator<T> | { batches: AsyncGenerator<T[]> };
  format: "csv" | "ndjson";
  /** The file name, without the extension. */
  fileName: string;
  csvHeader: string;
  toCsvLine: (row: T) => string;
  toNdjsonLine: (row: T) => string;
}): Response {
  const { format } = opts;
  const rows = "batches" in opts.rows ? opts.rows.batches : opts.rows;
  const encoder = new TextEncoder();
  const line = format === "csv" ? opts.toCsvLine : opts.toNdjsonLine;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(opts.csvHeader));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      const text =
        Array.isArray(next.value) && "batches" in opts.rows
          ? next.value.map(line).join("")
          : line(next.value as T);
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": contentDisposition(`${opts.fileName}.${format}`),
      "cache-control": "no-store",
    },
  });
}

/**
 * A Content-Disposition for a download: an ASCII name for old clients, and the name as it is (accents kept:
 * "HR système") as RFC 6266's filename* for the others, which prefer it.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.-]+/g, "-")
    .toLowerCase();
  const utf8 = encodeURIComponent(fileName.replace(/[\\/:*?"<>|\s]+/g, "-")).replace(
    /['()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
