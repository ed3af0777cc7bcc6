import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionReply, actionReplySchema } from "@/lib/api/action-reply";
import { notFound } from "@/lib/api/errors";
import { exampleIntegration } from "@/lib/api/examples";
import { route, uuidParam } from "@/lib/api/handler";
import { deliveryParams, integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { type StatusAction, setIntegrationStatus } from "@/lib/integrations/change-integration";
import { integrationReplySchema } from "@/lib/integrations/reply-schemas";
import { serializeIntegration } from "@/lib/integrations/serialize";
import { actOnDelivery } from "@/lib/sync/delivery-actions";

/** POST handler for /api/integrations/:id/enable and /pause. */
export function statusChangeRoute(action: StatusAction, summary: string) {
  return route(
    {
      method: "POST",
      path: `/api/integrations/{id}/${action}`,
      role: "admin",
      summary,
      params: integrationParams,
      output: integrationReplySchema,
      errors: { 404: NO_INTEGRATION },
      example: {
        output: { integration: { ...exampleIntegration, status: action === "pause" ? "paused" : "active" } },
      },
    },
    async ({ params, actor }) => {
      const id = uuidParam(params.id);
      const result = id ? await setIntegrationStatus(getDb(), id, action, actor) : null;
      if (!result?.ok) return notFound("Integration");
      return { integration: serializeIntegration(result.integration) };
    },
  );
}

/** POST handler for /api/integrations/:id/deliveries/:deliveryId/resend and /skip. */
export function deliveryActionRoute(action: "resend" | "skip", summary: string) {
  return route(
    {
      method: "POST",
      path: `/api/integrations/{id}/deliveries/{deliveryId}/${action}`,
      role: "admin",
      summary,
      params: deliveryParams,
      output: actionReplySchema,
      status: 202,
      errors: {
        404: "No delivery has this id in this integration",
        409: "The completion was already delivered",
      },
      example: { output: { affected: 1 } },
    },
    async ({ params, actor }) => {
      const id = uuidParam(params.id);
      const deliveryId = z.coerce.number().int().positive().safeParse(params.deliveryId);
      if (!id || !deliveryId.success) return notFound("Delivery");
      return actionReply(await actOnDelivery(getDb(), id, deliveryId.data, action, actor));
    },
  );
}
