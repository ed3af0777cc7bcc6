// GET, PATCH, DELETE /api/integrations/:id — read (never secrets), change, delete
import { z } from "zod";
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { apiError, notFound } from "@/lib/api/errors";
import { exampleIntegration } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { deleteIntegration, updateIntegration } from "@/lib/integrations/change-integration";
import { describeConflict } from "@/lib/integrations/conflict";
import { integrationReplySchema, settingsConflictSchema } from "@/lib/integrations/reply-schemas";
import { updateIntegrationSchema } from "@/lib/integrations/schemas";
import { serializeIntegration } from "@/lib/integrations/serialize";

export const dynamic = "force-dynamic";

const path = "/api/integrations/{id}";

export const GET = route(
  {
    method: "GET",
    path,
    role: "viewer",
    summary: "Read an integration: its settings and which secrets are set, never the secrets themselves",
    params: integrationParams,
    output: integrationReplySchema,
    errors: { 404: NO_INTEGRATION },
    example: { output: { integration: exampleIntegration } },
  },
  async ({ params }) => {
    const id = uuidParam(params.id);
    const row = id ? await findIntegration(getDb(), id) : undefined;
    if (!row) return notFound("Integration");
    return { integration: serializeIntegration(row) };
  },
);

export const PATCH = route(
  {
    method: "PATCH",
    path,
    role: "admin",
    summary: "Change an integration: only the keys sent change; null clears a nullable setting",
    description:
      "Send `version` as read with GET so a save made meanwhile is not overwritten: a stale version is a 409 " +
      "that names who changed what. Secrets are write-only: a value sets one, null removes it.",
    params: integrationParams,
    input: updateIntegrationSchema,
    output: integrationReplySchema,
    errors: {
      400: "Nothing to change ({}), a setting is invalid, the auth type lacks a setting or secret it needs, or receiverSchema is no usable JSON Schema (each problem at its place: receiverSchema.properties.employeeId.type)",
      404: NO_INTEGRATION,
      409: { description: "Someone saved since `version`", details: settingsConflictSchema },
    },
    example: {
      input: { version: 7, timeoutMs: 45_000, testUrl: null, secrets: { apiKey: "k-new-7d21…" } },
      output: { integration: { ...exampleIntegration, timeoutMs: 45_000, testUrl: null, version: 8 } },
    },
  },
  async ({ params, input, actor }) => {
    const id = uuidParam(params.id);
    if (!id) return notFound("Integration");
    const result = await updateIntegration(getDb(), id, input, actor);
    if (!result.ok && result.reason === "invalid")
      return apiError(400, "bad_request", result.problems[0]!.message, result.problems);
    if (!result.ok && result.reason === "conflict") {
      const { currentVersion, changes } = result;
      return apiError(409, "conflict", describeConflict(changes), { currentVersion, changes });
    }
    if (!result.ok) return notFound("Integration");
    return { integration: serializeIntegration(result.integration) };
  },
);

export const DELETE = route(
  {
    method: "DELETE",
    path,
    role: "admin",
    summary: "Delete an integration with its deliveries and sync log",
    params: integrationParams,
    output: z.null().describe("No body"),
    status: 204,
    errors: { 404: NO_INTEGRATION },
    example: { output: null },
  },
  async ({ params, actor }) => {
    const id = uuidParam(params.id);
    if (!id || !(await deleteIntegration(getDb(), id, actor))) return notFound("Integration");
    return null;
  },
);
