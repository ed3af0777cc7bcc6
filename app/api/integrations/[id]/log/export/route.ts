// GET /api/integrations/:id/log/export?format=csv|ndjson&... — the filtered entries as a streamed download
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { notFound } from "@/lib/api/errors";
import { exampleLogEntry } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { logExportResponse } from "@/lib/sync-log/export-download";
import { logEntryDetailSchema, logExportSchema } from "@/lib/sync-log/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/log/export",
    role: "viewer",
    summary: "The filtered log entries as a streamed download, newest first",
    params: integrationParams,
    input: logExportSchema,
    output: logEntryDetailSchema,
    download: {
      "text/csv": "One row per entry, with a header row; request headers are left out",
      "application/x-ndjson": "One JSON entry per line, everything stored (headers already redacted)",
    },
    errors: { 404: NO_INTEGRATION },
    example: { input: { format: "ndjson", outcome: "failure" }, output: exampleLogEntry },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    const integration = id ? await findIntegration(getDb(), id) : undefined;
    if (!id || !integration) return notFound("Integration");
    return logExportResponse(getDb(), integration, input);
  },
);
