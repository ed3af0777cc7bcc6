// PUT /api/integrations/:id/mapping — replace the payload mapping (validated; saves a new version)
import { getDb } from "@/db/client";
import { apiError, notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { saveMapping } from "@/lib/integrations/change-integration";
import { serializeIntegration } from "@/lib/integrations/serialize";
import { saveMappingInputSchema } from "@/lib/learners/schemas";
import { type MappingIssue, validateMapping } from "@/lib/mapping";

export const dynamic = "force-dynamic";

export const PUT = withRole("admin", saveMappingInputSchema, async ({ params, input, actor }) => {
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
});

/** A validation error as an API detail: the zod-style path, plus where in the entry's text it is. */
function issueDetail(issue: MappingIssue) {
  const path = issue.index === null ? "mapping" : `mapping.${issue.index}.${issue.field ?? "key"}`;
  return { path, code: "invalid_mapping", ...issue };
}
