// POST /api/integrations/:id/contract/check — check payloads against the receiver's saved JSON Schema
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { notFound } from "@/lib/api/errors";
import { exampleIntegration } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { checkContract } from "@/lib/contract/check";
import { contractCheckInputSchema, contractCheckOutputSchema } from "@/lib/contract/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations/{id}/contract/check",
    role: "viewer",
    summary: "Check payloads against the receiver's JSON Schema, each problem at its key; sends nothing",
    description:
      "The mapping editor's preview calls this as the admin types; the saved schema is compiled once and kept.",
    params: integrationParams,
    input: contractCheckInputSchema,
    output: contractCheckOutputSchema,
    errors: { 404: NO_INTEGRATION },
    example: {
      input: { payloads: [{ employeeId: 42, course: "GDPR introduction", completedOn: "2026-04-11" }] },
      output: {
        hasSchema: true,
        validateBeforeSending: exampleIntegration.validateBeforeSending,
        schemaProblems: [],
        results: [
          {
            isValid: false,
            issues: [
              { key: "status", message: "status: missing: the receiver requires this key" },
              { key: "employeeId", message: "employeeId: must be a string (got 42)" },
            ],
          },
        ],
      },
    },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    const row = id ? await findIntegration(getDb(), id) : undefined;
    if (!row) return notFound("Integration");
    return checkContract(row, input);
  },
);
