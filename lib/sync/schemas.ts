import { z } from "zod";
import { isoDateTime } from "@/lib/api/iso-date-time";
import { limitParam } from "@/lib/api/params";
import { runStatusSchema, runTriggerSchema } from "./model";

// The sync runs as the API sends them (the runs page, Run now's progress, scripts that wait for a run).

export const RUNS_PAGE_SIZE = 20;

/** One sync run: what started it, when, how far it got and how it ended. */
export const runSchema = z.object({
  id: z.number().describe("The run's id; the sync log filters by it (?runId=)"),
  integrationId: z.uuid().describe("The integration it ran for"),
  trigger: runTriggerSchema.describe(
    "What started it: schedule, manual (Run now), retry (retries falling due), completion (sync on completion), tick (the minute tick found due deliveries no job would send), enable (enabling the integration), resend (an admin resent deliveries)",
  ),
  status: runStatusSchema.describe(
    "queued (asked for, no worker has started it), running, completed, stopped (cut short: see error) or failed",
  ),
  done: z.boolean().describe("Whether the run has ended: a script polls until this is true"),
  startedAt: isoDateTime.nullable().describe("When a worker started it; null while queued"),
  finishedAt: isoDateTime.nullable().describe("When it ended; null while queued or running"),
  durationMs: z
    .number()
    .nullable()
    .describe("How long it ran (so far, while running), in milliseconds; null while queued"),
  sent: z.number().describe("Requests sent to the receiver (written at least every 50 ms while it runs)"),
  accepted: z.number().describe("Requests the receiver accepted (a success code)"),
  retried: z.number().describe("Deliveries that failed and will be retried"),
  failed: z
    .number()
    .describe("Deliveries that failed with no retry left (sent again at the next scheduled run)"),
  error: z
    .string()
    .nullable()
    .describe("Why it stopped or failed, in words; null when it completed or is still going"),
});
export type RunOutput = z.output<typeof runSchema>;

export const runsQuerySchema = z.object({
  cursor: z.coerce.number().int().positive().optional().describe("The previous page's nextCursor"),
  limit: limitParam(100, RUNS_PAGE_SIZE, "Runs per page"),
});

export const runsPageSchema = z.object({
  runs: z.array(runSchema).describe("The runs, newest first"),
  nextCursor: z.number().nullable().describe("Send as cursor for the next page; null on the last page"),
});

export const runReplySchema = z.object({ run: runSchema.describe("The run as it is now") });

export const runRequestedSchema = z.object({
  enqueued: z.literal(true).describe("Always true: the worker picks it up"),
  runId: z
    .number()
    .describe(
      "The run's id: GET /api/integrations/{id}/runs/{runId} until done; a run already waiting is joined",
    ),
  run: runSchema.describe("The run as it is now (queued)"),
});

export const runParams = z.object({
  id: z.uuid().describe("The integration's id"),
  runId: z.coerce.number().int().positive().describe("The run's id, as POST /run returned it"),
});
