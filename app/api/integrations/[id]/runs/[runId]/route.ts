// GET /api/integrations/:id/runs/:runId — one sync run as it is now (poll it until done)
import { getDb } from "@/db/client";
import { findSyncRun } from "@/db/queries/sync-runs";
import { notFound } from "@/lib/api/errors";
import { exampleRun } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { runView } from "@/lib/sync/run-view";
import { runParams, runReplySchema } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/runs/{runId}",
    role: "viewer",
    summary: "One sync run as it is now: its state, counts so far and how it ended; poll until done is true",
    params: runParams,
    output: runReplySchema,
    errors: { 404: "No run has this id in this integration" },
    example: { output: { run: exampleRun } },
  },
  async ({ params }) => {
    const id = uuidParam(params.id);
    const runId = runParams.shape.runId.safeParse(params.runId);
    if (!id || !runId.success) return notFound("Run");
    const run = await findSyncRun(getDb(), id, runId.data);
    if (!run) return notFound("Run");
    return { run: runView(run) };
  },
);
