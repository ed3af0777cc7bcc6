// POST /api/integrations/:id/run — enqueue a sync now (the same job the schedule enqueues)
import { z } from "zod";
import { getDb } from "@/db/client";
import { apiError, notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { requestRun } from "@/lib/integrations/change-integration";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations/{id}/run",
    role: "admin",
    summary: "Enqueue a sync now: the same job the schedule enqueues",
    params: integrationParams,
    output: z.object({ enqueued: z.literal(true).describe("Always true: the worker picks it up") }),
    status: 202,
    errors: { 404: NO_INTEGRATION, 409: "The integration is paused or auto-disabled; enable it first" },
    example: { output: { enqueued: true } },
  },
  async ({ params, actor }) => {
    const id = uuidParam(params.id);
    const result = id ? await requestRun(getDb(), id, actor) : null;
    if (!result || (!result.ok && result.reason === "not_found")) return notFound("Integration");
    if (!result.ok) {
      const status =
        result.reason === "not_active" ? result.integration.status.replace("_", "-") : "unavailable";
      return apiError(409, "conflict", `The integration is ${status}; enable it first`);
    }
    return { enqueued: true };
  },
);
