// GET, POST /api/integrations — list integrations with their counts (chart days in ?tz=); create one (admin)
import { getDb } from "@/db/client";
import { apiError } from "@/lib/api/errors";
import { withRole } from "@/lib/api/handler";
import { createIntegration } from "@/lib/integrations/create-integration";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { checkSave } from "@/lib/integrations/rules";
import { createIntegrationSchema, listIntegrationsQuerySchema } from "@/lib/integrations/schemas";
import { serializeIntegration } from "@/lib/integrations/serialize";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", listIntegrationsQuerySchema, async ({ input }) => ({
  integrations: await listIntegrations(getDb(), input.tz),
}));

export const POST = withRole("admin", createIntegrationSchema, async ({ input, actor }) => {
  const check = checkSave(input);
  if (!check.ok) return apiError(400, "bad_request", check.problems[0]!.message, check.problems);
  const row = await createIntegration(getDb(), input, actor, check.clientCertInfo ?? null);
  return Response.json({ integration: serializeIntegration(row) }, { status: 201 });
});
