// POST /api/inbound-sources/:id/rotate — a new signing secret, shown once; the old one works for the overlap
import { getDb } from "@/db/client";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { EXAMPLE_SIGNING_SECRET, exampleInboundSource } from "@/lib/inbound/examples";
import {
  inboundSecretReplySchema,
  inboundSourceParams,
  rotateSecretSchema,
} from "@/lib/inbound/source-schemas";
import { rotateSigningSecret, toSourceReply } from "@/lib/inbound/sources";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/inbound-sources/{id}/rotate",
    role: "admin",
    summary:
      "Give the source a new signing secret (shown once); the secrets in use keep working for the overlap",
    params: inboundSourceParams,
    input: rotateSecretSchema,
    output: inboundSecretReplySchema,
    errors: { 404: "No inbound source has this id" },
    example: {
      input: { overlapHours: 24 },
      output: { source: exampleInboundSource, signingSecret: EXAMPLE_SIGNING_SECRET },
    },
  },
  async ({ params, input, actor }) => {
    const id = uuidParam(params.id);
    const rotated = id ? await rotateSigningSecret(getDb(), id, input.overlapHours, actor) : undefined;
    if (!rotated) return notFound("Inbound source");
    return { source: toSourceReply(rotated.row), signingSecret: rotated.signingSecret };
  },
);
