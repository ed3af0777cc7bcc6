// POST /api/inbound/:sourceId — an external system sends users or completions, signed (Standard Webhooks) or with
// an inbound-scoped API token; every request is logged

import { z } from "zod";
import { getDb } from "@/db/client";
import { findInboundSource } from "@/db/queries/inbound-sources";
import { apiError, notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { exampleInboundReply, exampleInboundUsers } from "@/lib/inbound/examples";
import { INBOUND_LIMITS } from "@/lib/inbound/model";
import { receiveInbound } from "@/lib/inbound/receive";
import { inboundBodySchema, inboundReplySchema } from "@/lib/inbound/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/inbound/{sourceId}",
    role: "public",
    proof: {
      description:
        "For machines: no session, no cookie. Sign the exact body by Standard Webhooks with the source's secret " +
        "(`webhook-id`, `webhook-timestamp` within 5 minutes, `webhook-signature: v1,<base64 HMAC-SHA256 of " +
        '"id.timestamp.body">`; several signatures may be sent, space-separated), or send `Authorization: Bearer ' +
        "<API token>` of a token with the `inbound` scope. A webhook-id already processed is answered 200 without " +
        "effect. Every request is kept in the source's inbound log.",
      schemes: {
        webhookSignature: {
          type: "apiKey",
          in: "header",
          name: "webhook-signature",
          description: "Standard Webhooks: v1,<base64 HMAC-SHA256>, with webhook-id and webhook-timestamp",
        },
        inboundToken: {
          type: "http",
          scheme: "bearer",
          description:
            "An API token with the inbound scope: npm run token:create -- --email … --scope inbound",
        },
      },
    },
    rawBody: true,
    summary: "Receive users or completions from an external system: one object with `type`, or a batch",
    description:
      `A batch is \`{ "type": "users" | "completions", "items": [...] }\` of up to ${INBOUND_LIMITS.maxItems} ` +
      "items; one object carries its `type` beside its fields. Each item is checked and stored on its own, by its " +
      "natural key (a user by userName; a completion by learner, activity and completionDate), so sending the same " +
      "data again changes nothing. The reply has one result per item; valid items are kept when others fail.",
    params: z.object({ sourceId: z.uuid().describe("The inbound source's id, from its page") }),
    input: inboundBodySchema,
    output: inboundReplySchema,
    errors: {
      400: "The body is not JSON, not a batch or single object of a known type, or a kind the source may not send",
      401: "No valid signature or inbound-scoped token; the message says why",
      404: "No inbound source has this id",
      413: `The body is over ${INBOUND_LIMITS.maxBodyBytes / 1024 / 1024} MB`,
    },
    example: { input: exampleInboundUsers, output: exampleInboundReply },
  },
  async ({ request, params }) => {
    const id = uuidParam(params.sourceId);
    const source = id ? await findInboundSource(getDb(), id) : undefined;
    if (!source) return notFound("Inbound source");
    const received = await receiveInbound(getDb(), source, request);
    if (received.ok) return received.reply;
    return apiError(received.status, received.code, received.message, received.details);
  },
);
