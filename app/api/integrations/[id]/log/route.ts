// GET /api/integrations/:id/log — log entries, filtered (outcome, status, user, time range, text, run), paged by cursor
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { notFound } from "@/lib/api/errors";
import { exampleLogEntry } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { readLogPage } from "@/lib/sync-log/read-page";
import { logPageSchema, logQuerySchema } from "@/lib/sync-log/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/log",
    role: "viewer",
    summary: "Sync log entries, filtered, newest first, paged by cursor",
    params: integrationParams,
    input: logQuerySchema,
    output: logPageSchema,
    errors: { 404: NO_INTEGRATION },
    example: {
      input: { outcome: "failure", user: "anne", limit: "1" },
      output: {
        entries: [{ ...exampleLogEntry, outcome: "failure", status: 503, diagnosis: "server_error" }],
        nextCursor: 5120,
        searchedBackTo: null,
        total: { count: 1480, isEstimate: false },
      },
    },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    // An unknown id is a 404, as for the export and the runs, not an empty page.
    const integration = id ? await findIntegration(getDb(), id) : undefined;
    if (!id || !integration) return notFound("Integration");
    const { cursor, limit, ...filter } = input;
    return readLogPage(getDb(), id, filter, limit, cursor);
  },
);
