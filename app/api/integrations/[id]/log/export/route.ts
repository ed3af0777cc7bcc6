// GET /api/integrations/:id/log/export?format=csv|ndjson&... — the filtered entries as a streamed download
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { iterateLogEntries } from "@/db/queries/sync-log-read";
import { notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { csvHeader, toCsvLine, toNdjsonLine } from "@/lib/sync-log/export";
import { logExportSchema } from "@/lib/sync-log/schemas";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", logExportSchema, async ({ params, input }) => {
  const id = uuidParam(params.id);
  const integration = id ? await findIntegration(getDb(), id) : undefined;
  if (!id || !integration) return notFound("Integration");
  const { format, ...filter } = input;
  const rows = iterateLogEntries(getDb(), id, filter);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(csvHeader()));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(format === "csv" ? toCsvLine(next.value) : toNdjsonLine(next.value)));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const name = `${integration.name.replace(/[^\w.-]+/g, "-").toLowerCase()}-sync-log-${stamp}.${format}`;
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
