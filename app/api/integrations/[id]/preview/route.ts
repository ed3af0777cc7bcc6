// POST /api/integrations/:id/preview — payloads and per-step trace for a learner's completions, without sending
import { getDb } from "@/db/client";
import { notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { previewMapping } from "@/lib/learners/preview-mapping";
import { previewInputSchema } from "@/lib/learners/schemas";

export const dynamic = "force-dynamic";

export const POST = withRole("viewer", previewInputSchema, async ({ params, input }) => {
  const id = uuidParam(params.id);
  if (!id) return notFound("Integration");
  const result = await previewMapping(getDb(), id, input);
  if (!result.ok) return notFound(result.reason === "learner_not_found" ? "Learner" : "Integration");
  return result.value;
});
