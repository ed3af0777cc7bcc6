// GET /api/inbound-sources/:id/log/export?format=csv|ndjson&... — the filtered inbound log as a streamed download
import { getDb } from "@/db/client";
import { iterateInboundLog } from "@/db/queries/inbound-log";
import { findInboundSource } from "@/db/queries/inbound-sources";
import { streamedDownload } from "@/lib/api/download";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { exampleInboundLogEntry } from "@/lib/inbound/examples";
import { inboundCsvHeader, toInboundCsvLine, toInboundNdjsonLine } from "@/lib/inbound/log-export";
import { inboundLogDetailSchema, inboundLogExportSchema } from "@/lib/inbound/log-schemas";
import { inboundSourceParams } from "@/lib/inbound/source-schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/inbound-sources/{id}/log/export",
    role: "viewer",
    summary: "The filtered inbound log as a streamed download, newest first",
    params: inboundSourceParams,
    input: inboundLogExportSchema,
    output: inboundLogDetailSchema,
    download: {
      "text/csv": "One row per request, with a header row; per-item errors in one cell",
      "application/x-ndjson": "One JSON entry per line, everything stored",
    },
    errors: { 404: "No inbound source has this id" },
    example: { input: { format: "ndjson", outcome: "refused" }, output: exampleInboundLogEntry },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    const source = id ? await findInboundSource(getDb(), id) : undefined;
    if (!id || !source) return notFound("Inbound source");
    const { format, ...filter } = input;
    return streamedDownload({
      rows: iterateInboundLog(getDb(), id, filter),
      format,
      fileName: `${source.name}-inbound-log-${new Date().toISOString().slice(0, 10)}`,
      csvHeader: inboundCsvHeader(),
      toCsvLine: toInboundCsvLine,
      toNdjsonLine: toInboundNdjsonLine,
    });
  },
);
