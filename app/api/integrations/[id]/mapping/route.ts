// PUT /api/integrations/:id/mapping — replace the payload mapping (validated; saves a new version)
import { z } from "zod";
import { getDb } from "@/db/client";
import { apiError, notFound } from "@/lib/api/errors";
import { exampleIntegration, exampleMapping } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { saveMapping } from "@/lib/integrations/change-integration";
import { mappingSavedSchema } from "@/lib/integrations/reply-schemas";
import { serializeIntegration } from "@/lib/integrations/serialize";
import { saveMappingInputSchema } from "@/lib/learners/schemas";
import { type MappingIssue, validateMapping } from "@/lib/mapping";
import { mappingIssueSchema } from "@/lib/mapping/output-schemas";

export const dynamic = "force-dynamic";

export const PUT = route(
  {
    method: "PUT",
    path: "/api/integrations/{id}/mapping",
    role: "admin",
    summary: "Replace the payload mapping; it is validated and saved as a new version",
    params: integrationParams,
    input: saveMappingInputSchema,
    output: mappingSavedSchema,
    errors: {
      400: {
        description:
          "The mapping has errors (unknown field, bad chain, clashing keys), each with where it is",
        details: z
          .array(
            mappingIssueSchema.extend({
              path: z.string().describe("mapping.<entry>.<key|source|transforms>"),
              code: z.literal("invalid_mapping").describe("Always invalid_mapping"),
            }),
          )
          .describe("Every error, with where it is"),
      },
      404: NO_INTEGRATION,
      409: {
        description: "The mapping was saved since `baseVersion`",
        details: z
          .object({ currentVersion: z.number().int().describe("The mapping version now") })
          .describe("The version to reload"),
      },
    },
    example: {
      input: { mapping: exampleMapping, baseVersion: 3 },
      output: { integration: { ...exampleIntegration, mappingVersion: 4 }, warnings: [] },
    },
  },
  async ({ params, input, actor }) => {
    const id = uuidParam(params.id);
    if (!id) return notFound("Integration");
    const { errors, warnings } = validateMapping(input.mapping);
    const first = errors[0];
    if (first) return apiError(400, "bad_request", first.message, errors.map(issueDetail));
    const result = await saveMapping(getDb(), id, input.mapping, actor, input.baseVersion);
    if (!result.ok && result.reason === "stale") {
      return apiError(
        409,
        "conflict",
        `The mapping was saved as version ${result.currentVersion} since you opened version ${input.baseVersion}; reload to see it`,
        { currentVersion: result.currentVersion },
      );
    }
    if (!result.ok) return notFound("Integration");
    return { integration: serializeIntegration(result.integration), warnings };
  },
);

/** A validation error as an API detail: the zod-style path, plus where in the entry's text it is. */
function issueDetail(issue: MappingIssue) {
  const path = issue.index === null ? "mapping" : `mapping.${issue.index}.${issue.field ?? "key"}`;
  return { path, code: "invalid_mapping", ...issue };
}
