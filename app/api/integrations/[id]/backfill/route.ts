// POST /api/integrations/:id/backfill — deliver every completion since a date again, for a receiver that lost data
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionReply } from "@/lib/api/action-reply";
import { notFound } from "@/lib/api/errors";
import { uuidParam, withRole } from "@/lib/api/handler";
import { backfill } from "@/lib/sync/delivery-actions";

export const dynamic = "force-dynamic";

const backfillSchema = z.object({
  since: z.coerce.date({ error: "Give the date to deliver from, e.g. 2026-01-01" }),
});

export const POST = withRole("admin", backfillSchema, async ({ params, input, actor }) => {
  const id = uuidParam(params.id);
  if (!id) return notFound("Integration");
  return actionReply(await backfill(getDb(), id, input.since, actor));
});
