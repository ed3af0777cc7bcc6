// GET, POST, DELETE /api/integrations/:id/signing — whether requests are signed; turn signing on (a secret shown once) or off
import { getDb } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { changeSigningRoute, signingReply } from "@/lib/api/routes/signing-actions";
import { EXAMPLE_SIGNING_SECRET } from "@/lib/inbound/examples";
import { signingStatus } from "@/lib/integrations/signing";
import { signingReplySchema, signingSecretReplySchema } from "@/lib/integrations/signing-schemas";

export const dynamic = "force-dynamic";

const exampleOn = { enabled: true, secrets: [{ createdAt: "2026-04-20T08:00:00.000Z", validUntil: null }] };

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/signing",
    role: "viewer",
    summary: "Whether the integration signs its requests, and the dates of the secrets that sign",
    params: integrationParams,
    output: signingReplySchema,
    errors: { 404: NO_INTEGRATION },
    example: { output: { signing: exampleOn } },
  },
  async ({ params }) => {
    const id = uuidParam(params.id);
    const row = id ? await findIntegration(getDb(), id) : undefined;
    if (!row) return notFound("Integration");
    return { signing: signingStatus(row, new Date()) };
  },
);

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations/{id}/signing",
    role: "admin",
    summary: "Sign every request from now on (Standard Webhooks); the new secret is in the reply, shown once",
    description:
      "Requests then carry webhook-id (the Idempotency-Key), webhook-timestamp and webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>, so the receiver can verify them with any Standard Webhooks library.",
    params: integrationParams,
    output: signingSecretReplySchema,
    status: 201,
    errors: { 404: NO_INTEGRATION, 409: "Signing is already on: rotate the secret instead" },
    example: { output: { signing: exampleOn, signingSecret: EXAMPLE_SIGNING_SECRET } },
  },
  async ({ params, actor }) => signingReply(await changeSigningRoute(params.id, "enable", actor)),
);

export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/integrations/{id}/signing",
    role: "admin",
    summary: "Stop signing requests; every signing secret is removed at once",
    params: integrationParams,
    output: signingReplySchema,
    errors: { 404: NO_INTEGRATION, 409: "Signing is not on" },
    example: { output: { signing: { enabled: false, secrets: [] } } },
  },
  async ({ params, actor }) => signingReply(await changeSigningRoute(params.id, "disable", actor)),
);
