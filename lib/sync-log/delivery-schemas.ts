import { z } from "zod";
import { isoDateTime } from "@/lib/api/iso-date-time";
import { pointInTimeSchema } from "@/lib/api/point-in-time";

const count = (what: string) => z.number().int().min(0).describe(what);

export const deliveryCountsQuerySchema = z.object({
  since: pointInTimeSchema
    .optional()
    .describe("Also count the completions recorded from this time on (what a backfill would send again)"),
});

export const deliveryCountsReplySchema = z.object({
  counts: z
    .object({
      pending: count("Due to be sent (new, or resent by an admin)"),
      retrying: count("Failed and waiting for their next retry"),
      failed: count("Out of retries until the next scheduled run"),
      skipped: count("Never to be sent (an admin said so)"),
      succeeded: count("Delivered"),
    })
    .describe("Deliveries by state"),
  nextRetryAt: isoDateTime
    .nullable()
    .describe("When the next retry falls due; null when nothing is retrying"),
  backfill: z
    .object({
      since: isoDateTime.describe("The date asked about"),
      completions: count("Completions recorded since then, which a backfill would deliver again"),
    })
    .nullable()
    .describe("Present when `since` was given"),
});
export type DeliveryCountsReply = z.output<typeof deliveryCountsReplySchema>;
