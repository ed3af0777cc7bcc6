// How many completions a new integration would send: its "send completions from" choice, counted before saving.
import { z } from "zod";
import { isoDateTime } from "@/lib/api/iso-date-time";
import { pointInTimeSchema } from "@/lib/api/point-in-time";

export const completionCountQuerySchema = z.object({
  since: pointInTimeSchema.describe(
    "Count the completions recorded from this time on (ISO 8601, years 1970–9999)",
  ),
});

export const completionCountReplySchema = z.object({
  since: isoDateTime.describe("The time asked about"),
  completions: z
    .number()
    .int()
    .min(0)
    .describe("Completions recorded since then: what a new integration sending from that time has waiting"),
});
export type CompletionCountReply = z.output<typeof completionCountReplySchema>;
