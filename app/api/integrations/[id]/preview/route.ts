// POST /api/integrations/:id/preview — payloads and per-step trace for a learner's completions, without sending
import { getDb } from "@/db/client";
import { notFound } from "@/lib/api/errors";
import { exampleMapping, examplePreview } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams } from "@/lib/api/params";
import { previewMapping } from "@/lib/learners/preview-mapping";
import { previewInputSchema, previewOutputSchema } from "@/lib/learners/schemas";
import { validateMapping } from "@/lib/mapping";

export const dynamic = "force-dynamic";

const mapping = exampleMapping.slice(0, 3);

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations/{id}/preview",
    role: "viewer",
    summary: "The payloads a learner's latest completions would be sent as, each step traced; sends nothing",
    params: integrationParams,
    input: previewInputSchema,
    output: previewOutputSchema,
    errors: { 404: "No integration has this id, or no learner this user name or e-mail" },
    example: {
      input: { userName: "anne@company.com", mapping, limit: 1 },
      output: {
        userName: "anne.smith",
        mappingVersion: null,
        validation: validateMapping(mapping),
        previews: [examplePreview(mapping)],
        observedValues: { "completion.bestCombined": [0, 50, 100], "completion.bestScore": [40, 95] },
      },
    },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    if (!id) return notFound("Integration");
    const result = await previewMapping(getDb(), id, input);
    if (!result.ok) return notFound(result.reason === "learner_not_found" ? "Learner" : "Integration");
    return result.value;
  },
);
