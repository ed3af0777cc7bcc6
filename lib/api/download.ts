/** A streamed CSV or NDJSON download of `rows`, pulled one at a time so memory stays bounded. */
export function streamedDownload<T>(opts: {
  rows: AsyncGenerator<T>;
  format: "csv" | "ndjson";
  /** The file name, without the extension. */
  fileName: string;
  csvHeader: string;
  toCsvLine: (row: T) => string;
  toNdjsonLine: (row: T) => string;
}): Response {
  const { rows, format } = opts;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(opts.csvHeader));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      controller.enqueue(
        encoder.encode(format === "csv" ? opts.toCsvLine(next.value) : opts.toNdjsonLine(next.value)),
      );
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const name = `${opts.fileName.replace(/[^\w.-]+/g, "-").toLowerCase()}.${format}`;
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}
