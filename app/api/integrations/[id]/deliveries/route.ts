// GET /api/integrations/:id/deliveries — how many deliveries are in each state, the next retry, and what a
// "send again since" would deliver (the numbers the log page shows before an admin confirms a bulk action)
import { getDb } from "@/db/client";
import { countCompletionsSince, countDeliveries } from "@/db/queries/delivery-counts";
import { findIntegration } from "@/db/queries/integrations";
import { notFound } from "@/lib/api/errors";
import { route, uuidParam } from "@/lib/api/handler";
import { integrationParams, NO_INTEGRATION } from "@/lib/api/params";
import { deliveryCountsQuerySchema, deliveryCountsReplySchema } from "@/lib/sync-log/delivery-schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    method: "GET",
    path: "/api/integrations/{id}/deliveries",
    role: "viewer",
    summary:
      "Deliveries by state, the next retry time, and how many completions a backfill since a date would send",
    params: integrationParams,
    input: deliveryCountsQuerySchema,
    output: deliveryCountsReplySchema,
    errors: { 404: NO_INTEGRATION },
    example: {
      input: { since: "2026-04-01" },
      output: {
        counts: { pending: 3, retrying: 2, failed: 7, skipped: 1, succeeded: 988 },
        nextRetryAt: "2026-04-12T02:19:00.000Z",
        backfill: { since: "2026-04-01T00:00:00.000Z", completions: 212 },
      },
    },
  },
  async ({ params, input }) => {
    const id = uuidParam(params.id);
    if (!id || !(await findIntegration(getDb(), id))) return notFound("Integration");
    const { nextRetryAt, ...counts } = await countDeliveries(getDb(), id);
    const backfill = input.since
      ? { since: input.since, completions: await countCompletionsSince(getDb(), input.since) }
      : null;
    return { counts, nextRetryAt, backfill };
  },
);
