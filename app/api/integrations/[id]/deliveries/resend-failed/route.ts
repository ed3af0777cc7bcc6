// POST /api/integrations/:id/deliveries/resend-failed — every failed delivery gets a new cycle now
import { getDb } from "@/db/client";
import { actionReply } from "@/lib/api/action-reply";
import { notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { resendAllFailed } from "@/lib/sync/delivery-actions";

export const dynamic = "force-dynamic";

export const POST = withRole("admin", null, async ({ params, actor }) => {
  const id = uuidParam(params.id);
  if (!id) return notFound("Integration");
  return actionReply(await resendAllFailed(getDb(), id, actor));
});
