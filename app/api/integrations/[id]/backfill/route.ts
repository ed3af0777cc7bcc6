// POST /api/integrations/:id/backfill — deliver every completion since a date again, for a receiver that lost data
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionReply, actionReplySchema } from "@/lib/api/action-reply";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { pointInTimeSchema } from "@/lib/api/point-in-time";
import { backfill } from "@/lib/sync/delivery-actions";

export const dynamic = "force-dynamic";

const backfillSchema = z.object({
  since: pointInTimeSchema.describe(
    "Completions recorded from this time on are delivered again (ISO 8601 date, or date and time with Z or an offset; years 1970–9999)",
  ),
});

export const POST = route(
  {
    method: "POST",
    path: "/api/integrations/{id}/backfill",
    role: "admin",
    summary:
      "Deliver every completion since a date again (new Idempotency-Keys), for a receiver that lost data",
    params: integrationParams,
    input: backfillSchema,
    output: actionReplySchema,
    status: 202,
    errors: { 404: NO_INTEGRATION },
    example: { input: { since: "2026-04-01" }, output: { affected: 212 } },
  },
  async ({ params, input, actor }) => {
    const id = uuidParam(params.id);
    if (!id) return notFound("Integration");
    return actionReply(await backfill(getDb(), id, input.since, actor));
  },
);
