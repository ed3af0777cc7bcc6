// GET /api/integrations/:id/deliveries/:deliveryId — one delivery's timeline: state, next retry, every attempt,
// and who resent or skipped it when
import { z } from "zod";
import { getDb } from "@/db/client";
import { findDeliveryTimeline } from "@/db/queries/delivery-timeline";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { deliveryParams } from "@/lib/api/params";
import { deliveryTimelineSchema } from "@/lib/sync-log/timeline-schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/deliveries/{deliveryId}",
    role: "viewer",
    summary: "One delivery's timeline: its state and next retry, every attempt, and who resent or skipped it",
    params: deliveryParams,
    output: deliveryTimelineSchema,
    errors: { 404: "No delivery has this id in this integration" },
    example: {
      output: {
        delivery: {
          id: 12,
          state: "retrying",
          attempts: 2,
          nextAttemptAt: "2026-04-12T02:44:00.000Z",
          lastAttemptAt: "2026-04-12T02:14:00.000Z",
          succeededAt: null,
        },
        attempts: [
          {
            entryId: 901,
            at: "2026-04-12T02:13:00.000Z",
            attempt: 1,
            outcome: "failure",
            status: 503,
            errorMessage: "The endpoint answered HTTP 503 Service Unavailable.",
            durationMs: 88,
          },
        ],
        actions: [
          { at: "2026-04-12T02:20:00.000Z", by: "ada@example.com (session)", action: "delivery.resend" },
        ],
      },
    },
  },
  async ({ params }) => {
    const id = uuidParam(params.id);
    const deliveryId = z.coerce.number().int().positive().safeParse(params.deliveryId);
    if (!id || !deliveryId.success) return notFound("Delivery");
    const timeline = await findDeliveryTimeline(getDb(), id, deliveryId.data);
    if (!timeline) return notFound("Delivery");
    const isDone = timeline.delivery.state === "succeeded" || timeline.delivery.state === "skipped";
    return {
      ...timeline,
      delivery: { ...timeline.delivery, nextAttemptAt: isDone ? null : timeline.delivery.nextAttemptAt },
    };
  },
);
