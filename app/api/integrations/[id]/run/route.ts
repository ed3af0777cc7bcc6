// POST /api/integrations/:id/run — enqueue a sync now (the same job the schedule enqueues)
import { getDb } from "@/db/client";
import { apiError, notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { requestRun } from "@/lib/integrations/change-integration";

export const dynamic = "force-dynamic";

export const POST = withRole("admin", null, async ({ params, actor }) => {
  const id = uuidParam(params.id);
  const result = id ? await requestRun(getDb(), id, actor) : null;
  if (!result || (!result.ok && result.reason === "not_found")) return notFound("Integration");
  if (!result.ok) {
    const status =
      result.reason === "not_active" ? result.integration.status.replace("_", "-") : "unavailable";
    return apiError(409, "conflict", `The integration is ${status}; enable it first`);
  }
  return Response.json({ enqueued: true }, { status: 202 });
});
