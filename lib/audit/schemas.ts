import { z } from "zod";
import { isoDateTime } from "@/lib/api/iso-date-time";
import { limitParam } from "@/lib/api/params";

export const historyQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional().describe("The previous page's nextCursor"),
  limit: limitParam(200, 50, "Events per page"),
});

export const historyReplySchema = z.object({
  events: z
    .array(
      z.object({
        id: z.number().describe("The event's id"),
        at: isoDateTime.describe("When it happened"),
        by: z.string().describe("Who did it: an e-mail and how they came in (session or token), or system"),
        action: z.string().describe("What was done, as resource.verb (integration.update, delivery.skip, …)"),
        summary: z.string().describe("The action in words"),
        changes: z
          .array(
            z.object({
              field: z.string().describe("The setting (or mapping key) that changed"),
              label: z.string().describe("Its name in words"),
              old: z.unknown().describe("Its value before"),
              new: z.unknown().describe("Its value after"),
            }),
          )
          .describe("Field-level diff of settings, mapping keys or status"),
        secretsChanged: z
          .array(z.string())
          .describe("Secrets that were set or removed, by name; never their values"),
      }),
    )
    .describe("Audit events, newest first"),
  nextCursor: z.number().nullable().describe("Pass as `before` for older events; null at the start"),
});
export type HistoryReply = z.output<typeof historyReplySchema>;
