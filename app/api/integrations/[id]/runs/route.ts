// GET /api/integrations/:id/runs — the integration's sync runs, newest first, paged by cursor
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { listSyncRuns } from "@/db/queries/sync-runs";
import { notFound } from "@/lib/api/errors";
import { exampleRun } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { keysetPage } from "@/lib/api/keyset-page";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { runView } from "@/lib/sync/run-view";
import { runsPageSchema, runsQuerySchema } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/runs",
    role: "viewer",
    summary:
      "The integration's sync runs, newest first: trigger, times, counts and the error that stopped one",
    params: integrationParams,
    input: runsQuerySchema,
    output: runsPageSchema,
    errors: { 404: NO_INTEGRATION },
    example: { input: { limit: "1" }, output: { runs: [exampleRun], nextCursor: 41 } },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    if (!id || !(await findIntegration(getDb(), id))) return notFound("Integration");
    const rows = await listSyncRuns(getDb(), id, input.limit + 1, input.cursor);
    const { page, nextCursor } = keysetPage(rows, input.limit);
    const now = new Date();
    return {
      runs: page.map((r) => runView(r, now)),
      nextCursor,
    };
  },
);
