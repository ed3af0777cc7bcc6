// POST /api/integrations/:id/test-user — send test payloads for chosen users, for real; writes nothing
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { apiError, notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { validateMapping } from "@/lib/mapping";
import { testUserInputSchema } from "@/lib/testing-tools/schemas";
import { testWithUsers } from "@/lib/testing-tools/test-with-user";

export const dynamic = "force-dynamic";

export const POST = withRole("admin", testUserInputSchema, async ({ params, input }) => {
  const id = uuidParam(params.id);
  const row = id ? await findIntegration(getDb(), id) : undefined;
  if (!row) return notFound("Integration");
  if (input.mapping) {
    const { errors } = validateMapping(input.mapping);
    if (errors.length > 0) {
      const details = errors.map((e) => ({
        path: e.index === null ? "mapping" : `mapping.${e.index}`,
        message: e.message,
      }));
      return apiError(400, "bad_request", `The mapping does not validate: ${errors[0]!.message}`, details);
    }
  }
  const report = await testWithUsers(getDb(), row, input);
  if (!report.ok) return apiError(409, "conflict", report.error);
  return report;
});
