// POST /api/integrations/:id/test-connection — one GET (or OPTIONS) with auth applied, reported stage by stage; writes nothing
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { apiError, notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { testConnection } from "@/lib/delivery";
import { connectionFromIntegration } from "@/lib/integrations/connection";
import { testConnectionOutputSchema } from "@/lib/testing-tools/output-schemas";
import { testConnectionInputSchema } from "@/lib/testing-tools/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations/{id}/test-connection",
    role: "admin",
    summary:
      "One GET (or OPTIONS) with the auth applied, reported stage by stage (DNS, connect, TLS, token, HTTP)",
    description: "Writes nothing. A failure comes with a diagnosis: the likely cause and what to change.",
    params: integrationParams,
    input: testConnectionInputSchema,
    output: testConnectionOutputSchema,
    errors: {
      404: NO_INTEGRATION,
      409: "The stored settings cannot make a connection (e.g. a secret is missing)",
    },
    example: {
      input: { target: "test" },
      output: {
        target: "test",
        result: {
          ok: true,
          verdict: "passed",
          url: "https://hr-test.example.com/api/completions",
          method: "GET",
          stages: [
            { name: "dns", ok: true, durationMs: 3, detail: "hr-test.example.com is 203.0.113.7" },
            { name: "connect", ok: true, durationMs: 21, detail: "Connected to 203.0.113.7:443" },
            { name: "tls", ok: true, durationMs: 34, detail: "TLS 1.3, certificate trusted" },
            { name: "http", ok: true, durationMs: 58, detail: "HTTP 200 OK" },
          ],
        },
      },
    },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    const row = id ? await findIntegration(getDb(), id) : undefined;
    if (!row) return notFound("Integration");
    const conn = connectionFromIntegration(row);
    if (!conn.ok) return apiError(409, "conflict", conn.error);
    const target = input.target ?? (row.testUrl ? "test" : "production");
    const result = await testConnection({ settings: conn.settings, target, method: input.method });
    return { target, result };
  },
);
