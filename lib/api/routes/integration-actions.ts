import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionReply } from "@/lib/api/action-reply";
import { notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { type StatusAction, setIntegrationStatus } from "@/lib/integrations/change-integration";
import { serializeIntegration } from "@/lib/integrations/serialize";
import { actOnDelivery } from "@/lib/sync/delivery-actions";

/** POST handler for /api/integrations/:id/enable and /pause. */
export function statusChangeRoute(action: StatusAction) {
  return withRole("admin", null, async ({ params, actor }) => {
    const id = uuidParam(params.id);
    const result = id ? await setIntegrationStatus(getDb(), id, action, actor) : null;
    if (!result?.ok) return notFound("Integration");
    return { integration: serializeIntegration(result.integration) };
  });
}

/** POST handler for /api/integrations/:id/deliveries/:deliveryId/resend and /skip. */
export function deliveryActionRoute(action: "resend" | "skip") {
  return withRole("admin", null, async ({ params, actor }) => {
    const id = uuidParam(params.id);
    const deliveryId = z.coerce.number().int().positive().safeParse(params.deliveryId);
    if (!id || !deliveryId.success) return notFound("Delivery");
    return actionReply(await actOnDelivery(getDb(), id, deliveryId.data, action, actor));
  });
}
