// GET, POST /api/integrations — list integrations with their counts; create one (admin)
import { getDb } from "@/db/client";
import { apiError } from "@/lib/api/errors";
import { withRole } from "@/lib/api/handler";
import { createIntegration } from "@/lib/integrations/create-integration";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { checkIntegrationRules } from "@/lib/integrations/rules";
import { createIntegrationSchema } from "@/lib/integrations/schemas";
import { serializeIntegration } from "@/lib/integrations/serialize";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", null, async () => ({ integrations: await listIntegrations(getDb()) }));

export const POST = withRole("admin", createIntegrationSchema, async ({ input, actor }) => {
  const problems = checkIntegrationRules(input);
  if (problems.length > 0) return apiError(400, "bad_request", problems[0]!.message, problems);
  const row = await createIntegration(getDb(), input, actor);
  return Response.json({ integration: serializeIntegration(row) }, { status: 201 });
});
