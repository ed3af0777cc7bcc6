// GET /api/integrations/:id/export — the integration as a JSON file: settings and mapping, no secret
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { exportIntegration } from "@/lib/integrations/transfer";
import { exampleDocument } from "@/lib/integrations/transfer-examples";
import { integrationDocumentSchema } from "@/lib/integrations/transfer-schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/export",
    role: "admin",
    summary: "The integration as a JSON document (settings and mapping, no secret), to import elsewhere",
    description:
      "Secrets, secret header values and signing secrets are never in it: the document names what an import must be given (`needs`). Audited.",
    params: integrationParams,
    output: integrationDocumentSchema,
    errors: { 404: NO_INTEGRATION },
    example: { output: integrationDocumentSchema.parse(exampleDocument) },
  },
  async ({ params, actor }) => {
    const id = uuidParam(params.id);
    const row = id ? await findIntegration(getDb(), id) : undefined;
    if (!row) return notFound("Integration");
    return exportIntegration(getDb(), row, actor);
  },
);
