import { z } from "zod";
import { isoDateTime } from "@/lib/api/iso-date-time";
import { deliveryStateSchema, logOutcomeSchema } from "@/lib/sync/model";

/** A delivery's whole story: its state, next retry, every attempt and what people did to it. */
export const deliveryTimelineSchema = z.object({
  delivery: z
    .object({
      id: z.number().describe("The delivery's id"),
      state: deliveryStateSchema.describe("Its state now"),
      attempts: z.number().describe("Attempts so far, over every cycle"),
      nextAttemptAt: isoDateTime
        .nullable()
        .describe("When it is tried next (retrying or pending); null once delivered or skipped"),
      lastAttemptAt: isoDateTime.nullable().describe("When it was last tried"),
      succeededAt: isoDateTime.nullable().describe("When it was delivered"),
    })
    .describe("The delivery now"),
  attempts: z
    .array(
      z.object({
        entryId: z.number().describe("The log entry of the attempt"),
        at: isoDateTime.describe("When it was made"),
        attempt: z.number().describe("Which attempt of the delivery (1 = the first)"),
        outcome: logOutcomeSchema.describe("What came of it"),
        status: z.number().nullable().describe("The HTTP status; null when no answer came"),
        errorMessage: z.string().nullable().describe("Why it failed, in words"),
        durationMs: z.number().describe("How long it took"),
      }),
    )
    .describe("Every attempt the log holds, oldest first"),
  actions: z
    .array(
      z.object({
        at: isoDateTime.describe("When"),
        by: z.string().describe("Who"),
        action: z.string().describe("delivery.resend or delivery.skip"),
      }),
    )
    .describe("Resends and skips by people, oldest first"),
});
export type DeliveryTimeline = z.output<typeof deliveryTimelineSchema>;
