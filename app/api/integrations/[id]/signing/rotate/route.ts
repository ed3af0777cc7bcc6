// POST /api/integrations/:id/signing/rotate — a new signing secret, shown once; the old one still signs for the overlap
import { route } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { changeSigningRoute, signingReply } from "@/lib/api/routes/signing-actions";
import { EXAMPLE_SIGNING_SECRET } from "@/lib/inbound/examples";
import { rotateSecretSchema, signingSecretReplySchema } from "@/lib/integrations/signing-schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations/{id}/signing/rotate",
    role: "admin",
    summary:
      "Give the integration a new signing secret (shown once); during the overlap requests carry both signatures",
    description:
      "Standard Webhooks allows several space-separated v1 signatures: until the overlap ends each request is signed with the new and the old secret, so the receiver can switch to the new one without a gap; after it, only the new one signs.",
    params: integrationParams,
    input: rotateSecretSchema,
    output: signingSecretReplySchema,
    errors: { 404: NO_INTEGRATION, 409: "Signing is not on: turn it on first" },
    example: {
      input: { overlapHours: 24 },
      output: {
        signing: {
          enabled: true,
          secrets: [
            { createdAt: "2026-04-20T08:00:00.000Z", validUntil: null },
            { createdAt: "2026-01-10T08:00:00.000Z", validUntil: "2026-04-21T08:00:00.000Z" },
          ],
        },
        signingSecret: EXAMPLE_SIGNING_SECRET,
      },
    },
  },
  async ({ params, input, actor }) =>
    signingReply(await changeSigningRoute(params.id, "rotate", actor, { overlapHours: input.overlapHours })),
);
