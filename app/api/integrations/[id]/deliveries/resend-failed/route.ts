// POST /api/integrations/:id/deliveries/resend-failed — every failed delivery gets a new cycle now
import { getDb } from "@/db/client";
import { actionReply, actionReplySchema } from "@/lib/api/action-reply";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { resendAllFailed } from "@/lib/sync/delivery-actions";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations/{id}/deliveries/resend-failed",
    role: "admin",
    summary: "Give every failed delivery a new cycle of retries, starting now",
    params: integrationParams,
    output: actionReplySchema,
    status: 202,
    errors: { 404: NO_INTEGRATION },
    example: { output: { affected: 3 } },
  },
  async ({ params, actor }) => {
    const id = uuidParam(params.id);
    if (!id) return notFound("Integration");
    return actionReply(await resendAllFailed(getDb(), id, actor));
  },
);
