// GET, POST /api/integrations — list integrations with their counts (chart days in ?tz=); create one (admin)
import { getDb } from "@/db/client";
import { apiError } from "@/lib/api/errors";
import { exampleIntegration, exampleMapping } from "@/lib/api/examples";
import { route } from "@/lib/api/handler";
import { createIntegration } from "@/lib/integrations/create-integration";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { integrationListSchema, integrationReplySchema } from "@/lib/integrations/reply-schemas";
import { checkSave } from "@/lib/integrations/rules";
import { createIntegrationSchema, listIntegrationsQuerySchema } from "@/lib/integrations/schemas";
import { serializeIntegration } from "@/lib/integrations/serialize";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations",
    role: "viewer",
    summary: "List integrations with their delivery counts and 30 days of outcomes per day in `tz`",
    input: listIntegrationsQuerySchema,
    output: integrationListSchema,
    example: {
      input: { tz: "Europe/Copenhagen" },
      output: {
        integrations: [
          {
            ...exampleIntegration,
            stats: {
              pending: 2,
              failed: 1,
              succeeded: 1480,
              daily: [{ day: "2026-04-12", success: 37, failure: 1 }],
            },
          },
        ],
      },
    },
  },
  async ({ input }) => ({ integrations: await listIntegrations(getDb(), input.tz) }),
);

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations",
    role: "admin",
    summary: "Create an integration; settings left out take their defaults, secrets are write-only",
    input: createIntegrationSchema,
    output: integrationReplySchema,
    status: 201,
    errors: { 400: "A setting is invalid, or the auth type lacks a setting or secret it needs" },
    example: {
      input: {
        name: "HR system",
        endpointUrl: "https://hr.example.com/api/completions",
        authType: "api_key",
        authConfig: { headerName: "X-API-Key" },
        secrets: { apiKey: "k-51f0c2…" },
        scheduleCron: "0 2 * * *",
        scheduleTimeZone: "Europe/Copenhagen",
        mapping: exampleMapping,
      },
      output: { integration: exampleIntegration },
    },
  },
  async ({ input, actor }) => {
    const check = checkSave(input);
    if (!check.ok) return apiError(400, "bad_request", check.problems[0]!.message, check.problems);
    const row = await createIntegration(getDb(), input, actor, check.clientCertInfo ?? null);
    return { integration: serializeIntegration(row) };
  },
);
