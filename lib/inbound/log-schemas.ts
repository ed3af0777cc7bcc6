import { z } from "zod";
import { isoDateTime } from "@/lib/api/iso-date-time";
import { limitParam } from "@/lib/api/params";
import { RANGE_IN_ORDER } from "@/lib/api/point-in-time";
import { logFilterSchema } from "@/lib/sync-log/schemas";
import {
  inboundItemErrorsSchema,
  inboundKindSchema,
  inboundOutcomeSchema,
  inboundVerificationSchema,
} from "./model";

export const INBOUND_LOG_PAGE_SIZE = 50;

/** Filters of a source's inbound log, shared by the page, the JSON API and the download. */
export const inboundLogFilterSchema = z.object({
  outcome: inboundOutcomeSchema.optional().describe("Only requests with this outcome"),
  verifiedBy: inboundVerificationSchema
    .optional()
    .describe("Only requests verified this way (none: refused before any proof held)"),
  // The sync log's time filters.
  from: logFilterSchema.shape.from.describe(
    "Only requests at or after this time (ISO 8601 with Z or an offset, or a date; years 1970–9999)",
  ),
  to: logFilterSchema.shape.to.describe(
    "Only requests at or before this time (ISO 8601 with Z or an offset, or a date: all of that day)",
  ),
});

export const inboundLogQuerySchema = inboundLogFilterSchema
  .extend({
    cursor: z.coerce.number().int().positive().optional().describe("The previous page's nextCursor"),
    limit: limitParam(200, INBOUND_LOG_PAGE_SIZE, "Entries per page"),
  })
  .refine(...RANGE_IN_ORDER);

export const inboundLogExportSchema = inboundLogFilterSchema
  .extend({
    format: z
      .enum(["csv", "ndjson"])
      .default("csv")
      .describe("csv (one row per request) or ndjson (everything)"),
  })
  .refine(...RANGE_IN_ORDER);

/** One request as the log lists it. */
export const inboundLogSummarySchema = z.object({
  id: z.number().describe("The entry's id; also the cursor for the next page"),
  receivedAt: isoDateTime.describe("When the request arrived"),
  outcome: inboundOutcomeSchema.describe("What became of the request"),
  status: z.number().describe("The HTTP status it was answered with"),
  verifiedBy: inboundVerificationSchema.describe(
    "How it proved its origin: signature, token, or none (refused)",
  ),
  verifiedAs: z
    .string()
    .nullable()
    .describe('Which secret or token: "current secret", "token lms_Ab12… of …"'),
  reason: z.string().nullable().describe("Why it was refused, or its body not read"),
  messageId: z.string().nullable().describe("Its webhook-id, when it sent one"),
  kind: inboundKindSchema.nullable().describe("What it sent, once the body was read"),
  itemsOk: z.number().describe("Items stored"),
  itemsFailed: z.number().describe("Items refused"),
  bodyBytes: z.number().describe("The body's size in bytes"),
});
export type InboundLogSummary = z.output<typeof inboundLogSummarySchema>;

/** One request with the problems of each refused item and the body as received. */
export const inboundLogDetailSchema = inboundLogSummarySchema.extend({
  itemErrors: z.array(inboundItemErrorsSchema).describe("Each refused item with its problems"),
  body: z.string().describe("The body as received, cut at 64 KiB; any signing secret or token masked"),
  bodyTruncated: z.boolean().describe("Whether the body was cut at 64 KiB"),
});
export type InboundLogDetail = z.output<typeof inboundLogDetailSchema>;

export const inboundLogPageSchema = z.object({
  entries: z.array(inboundLogSummarySchema).describe("The entries, newest first"),
  nextCursor: z.number().nullable().describe("Send as cursor for the next page; null on the last page"),
});

export const inboundLogEntryReplySchema = z.object({ entry: inboundLogDetailSchema.describe("The entry") });

export const inboundLogEntryParams = z.object({
  id: z.uuid().describe("The inbound source's id"),
  entryId: z.coerce.number().int().positive().describe("The log entry's id"),
});
