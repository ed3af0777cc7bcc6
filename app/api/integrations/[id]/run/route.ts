// POST /api/integrations/:id/run — run a sync now: answers the queued run's id at once (the same job the schedule enqueues)
import { getDb } from "@/db/client";
import { apiError, notFound } from "@/lib/api/errors";
import { exampleRun } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { requestRun } from "@/lib/integrations/change-integration";
import { runView } from "@/lib/sync/run-view";
import { runRequestedSchema } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations/{id}/run",
    role: "admin",
    summary:
      "Run a sync now: the run is recorded as queued and its id returned at once; GET /runs/{runId} until it is done",
    params: integrationParams,
    output: runRequestedSchema,
    status: 202,
    errors: { 404: NO_INTEGRATION, 409: "The integration is paused or auto-disabled; enable it first" },
    example: {
      output: {
        enqueued: true,
        runId: exampleRun.id,
        run: {
          ...exampleRun,
          status: "queued",
          done: false,
          startedAt: null,
          finishedAt: null,
          durationMs: null,
          sent: 0,
          accepted: 0,
          retried: 0,
          failed: 0,
        },
      },
    },
  },
  async ({ params, actor }) => {
    const id = uuidParam(params.id);
    const result = id ? await requestRun(getDb(), id, actor) : null;
    if (!result || (!result.ok && result.reason === "not_found")) return notFound("Integration");
    if (!result.ok) {
      const status = result.integration.status.replace("_", "-");
      return apiError(409, "conflict", `The integration is ${status}; enable it first`);
    }
    return { enqueued: true as const, runId: result.run.id, run: runView(result.run) };
  },
);
