// POST /api/integrations/import — a new integration from an exported file and the secrets it needs, all checked first
import { getDb } from "@/db/client";
import { apiError } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { serializeIntegration } from "@/lib/integrations/serialize";
import { importIntegration } from "@/lib/integrations/transfer";
import { exampleImport } from "@/lib/integrations/transfer-examples";
import { importIntegrationSchema, importReplySchema } from "@/lib/integrations/transfer-schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations/import",
    role: "admin",
    summary: "Create an integration from an exported document, with the secrets the file cannot carry",
    description:
      "Everything is checked before anything is stored: the document's shape, the save rules (URL policy, cron, mapping, a certificate that opens) and every secret the auth type and the secret headers need. Each problem names its place in the request body (document.integration.timeoutMs, secrets.apiKey, secretHeaders.X-Tenant-Key). With signing on in the file, a new signing secret is made and shown once.",
    input: importIntegrationSchema,
    output: importReplySchema,
    status: 201,
    errors: {
      400: "The document does not validate, or a secret it needs is missing: every problem with its path",
    },
    example: exampleImport,
  },
  async ({ input, actor }) => {
    const result = await importIntegration(getDb(), input, actor);
    if (!result.ok) {
      const first = result.problems[0]!;
      return apiError(400, "bad_request", `${first.path}: ${first.message}`, result.problems);
    }
    return { integration: serializeIntegration(result.integration), signingSecret: result.signingSecret };
  },
);
