import { z } from "zod";
import { isoDateTime } from "@/lib/api/iso-date-time";
import { limitParam } from "@/lib/api/params";
import { pointInTimeSchema, RANGE_IN_ORDER, rangeEndSchema } from "@/lib/api/point-in-time";
import { diagnosisClassSchema } from "@/lib/delivery/model";
import { deliveryStateSchema, logOutcomeSchema as outcomeSchema } from "@/lib/sync/model";
import { EXACT_COUNT_LIMIT, TEXT_SEARCH_SPAN } from "./model";

export const LOG_PAGE_SIZE = 50;

/** Filters of the sync log, shared by the page, the JSON API and the export. */
export const logFilterSchema = z.object({
  outcome: outcomeSchema
    .optional()
    .describe(
      "Only attempts with this outcome; failure includes interrupted ones (the worker stopped before their answer was recorded)",
    ),
  status: z.coerce
    .number()
    .int()
    .min(100)
    .max(599)
    .optional()
    .describe("Only attempts answered with this HTTP status"),
  user: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Part of the learner's e-mail, user name or full name"),
  from: pointInTimeSchema
    .optional()
    .describe(
      "Only attempts at or after this time (ISO 8601 with Z or an offset, or a date; years 1970–9999)",
    ),
  to: rangeEndSchema
    .optional()
    .describe(
      "Only attempts at or before this time (ISO 8601 with Z or an offset, or a date: all of that day)",
    ),
  q: z.string().trim().min(1).max(200).optional().describe("Text in the request, the response or the error"),
  runId: z.coerce.number().int().positive().optional().describe("Only the attempts of this sync run"),
});
export type LogFilter = z.infer<typeof logFilterSchema>;

export const logQuerySchema = logFilterSchema
  .extend({
    cursor: z.coerce.number().int().positive().optional().describe("The previous page's nextCursor"),
    limit: limitParam(200, LOG_PAGE_SIZE, "Entries per page"),
  })
  .refine(...RANGE_IN_ORDER);
export type LogQuery = z.infer<typeof logQuerySchema>;

export const logExportSchema = logFilterSchema
  .extend({
    format: z
      .enum(["csv", "ndjson"])
      .default("csv")
      .describe("csv (one row per attempt) or ndjson (everything)"),
    columns: z
      .enum(["all", "metadata"])
      .default("all")
      .describe("csv only: all columns, or metadata (every column but the request and response bodies)"),
  })
  .refine(...RANGE_IN_ORDER);

const headersSchema = z.record(z.string(), z.string());

/** One attempt as the log lists it. */
export const logEntrySummarySchema = z.object({
  id: z.number().describe("The entry's id; also the cursor for the next page"),
  createdAt: isoDateTime.describe("When the attempt was made"),
  deliveryId: z
    .number()
    .nullable()
    .describe("The delivery the attempt belongs to (resend and skip act on it)"),
  deliveryState: deliveryStateSchema.nullable().describe("The delivery's state now; null once it is deleted"),
  runId: z.number().nullable().describe("The sync run that made the attempt"),
  attempt: z.number().describe("Which attempt of the delivery this was (1 = the first)"),
  userEmail: z
    .string()
    .nullable()
    .describe("The learner's e-mail; null when the learner is gone from the LMS"),
  userName: z.string().nullable().describe("The learner's user name; null when gone"),
  activityName: z.string().nullable().describe("The course's name; null when gone"),
  completionDate: isoDateTime.nullable().describe("When the learner completed the course; null when gone"),
  requestUrl: z.string().describe("Where the payload was sent"),
  status: z.number().nullable().describe("The HTTP status of the answer; null when none came"),
  outcome: outcomeSchema.describe(
    "success or failure; interrupted when the worker stopped before the answer was recorded (the receiver may have it)",
  ),
  durationMs: z.number().describe("How long the attempt took, logins included, in milliseconds"),
  errorCode: z
    .string()
    .nullable()
    .describe("A failure's machine-readable code (timeout, dns, http_status, …)"),
  errorMessage: z.string().nullable().describe("A failure in words"),
  diagnosis: diagnosisClassSchema
    .nullable()
    .describe("A failure's diagnosis class, as the test tools name it (auth_rejected, payload_rejected, …)"),
  mappingVersion: z.number().describe("The mapping version the payload was built with"),
});
export type LogEntrySummary = z.output<typeof logEntrySummarySchema>;

/** One attempt with everything that was sent and received (secrets masked when it was recorded). */
export const logEntryDetailSchema = logEntrySummarySchema.extend({
  requestHeaders: headersSchema.describe("The request headers as sent, secrets replaced by [redacted]"),
  requestBody: z.string().describe("The request body as sent"),
  responseHeaders: headersSchema.describe("The response headers"),
  responseBody: z.string().describe("The response body (cut at 64 KiB)"),
  responseTruncated: z.boolean().describe("Whether the response body was cut"),
  errorDetail: z
    .string()
    .nullable()
    .describe(
      "A failure's technical details: the network or TLS library's own text (errorMessage says it in words)",
    ),
  diagnosisCause: z
    .string()
    .nullable()
    .describe("A failure's most likely cause, in the words the test tools use (when it failed)"),
  diagnosisFix: z.string().nullable().describe("What to change about a failure, in the test tools' words"),
});
export type LogEntryDetail = z.output<typeof logEntryDetailSchema>;

export const logPageSchema = z.object({
  entries: z.array(logEntrySummarySchema).describe("The entries, newest first"),
  nextCursor: z.number().nullable().describe("Send as cursor for the next page; null on the last page"),
  searchedBackTo: isoDateTime
    .nullable()
    .optional()
    .describe(
      `A text search reads at most ${TEXT_SEARCH_SPAN.toLocaleString("en-US")} entries per page: when it stopped there before the page was full, the time of the last entry it read (the next page searches on from there); null otherwise`,
    ),
  total: z
    .object({
      count: z.number().describe("How many entries match"),
      isEstimate: z
        .boolean()
        .describe(
          `true when count is an estimate (say "about"): only counts beyond ${EXACT_COUNT_LIMIT.toLocaleString("en-US")} or filtered by status or run are estimated`,
        ),
    })
    .nullable()
    .optional()
    .describe(
      "How many entries match, on the first page (no cursor); null on later pages and for a text search",
    ),
});

export const logEntryReplySchema = z.object({
  entry: logEntryDetailSchema.describe("The entry"),
  curl: z.string().describe("A curl command that repeats the request, secrets masked"),
});
