// GET, PATCH, DELETE /api/integrations/:id — read (never secrets), change, delete
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { apiError, notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { deleteIntegration, updateIntegration } from "@/lib/integrations/change-integration";

import { updateIntegrationSchema } from "@/lib/integrations/schemas";
import { serializeIntegration } from "@/lib/integrations/serialize";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", null, async ({ params }) => {
  const id = uuidParam(params.id);
  const row = id ? await findIntegration(getDb(), id) : undefined;
  if (!row) return notFound("Integration");
  return { integration: serializeIntegration(row) };
});

export const PATCH = withRole("admin", updateIntegrationSchema, async ({ params, input, actor }) => {
  const id = uuidParam(params.id);
  if (!id) return notFound("Integration");
  const result = await updateIntegration(getDb(), id, input, actor);
  if (!result.ok && result.reason === "invalid")
    return apiError(400, "bad_request", result.problems[0]!.message, result.problems);
  if (!result.ok) return notFound("Integration");
  return { integration: serializeIntegration(result.integration) };
});

export const DELETE = withRole("admin", null, async ({ params, actor }) => {
  const id = uuidParam(params.id);
  if (!id || !(await deleteIntegration(getDb(), id, actor))) return notFound("Integration");
  return new Response(null, { status: 204 });
});
