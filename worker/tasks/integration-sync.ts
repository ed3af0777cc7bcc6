import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "@/db/client";
import { jobLeaseOwner } from "@/lib/sync/crashed-workers";
import { runTriggerSchema } from "@/lib/sync/model";
import { runSync } from "@/lib/sync/run-sync";
import { log } from "../logger";

export const payloadSchema = z.object({
  integrationId: z.uuid(),
  trigger: runTriggerSchema.default("schedule"),
  /** The run Run now recorded as queued, which this job starts. */
  runId: z.number().int().positive().optional(),
});

/** One sync run of one integration (enqueued by the tick, "Run now", or a due retry). */
export const integrationSync: Task = async (payload, helpers) => {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    log("warn", `integration-sync: ignoring bad payload ${JSON.stringify(payload)}`);
    return;
  }
  const { integrationId, trigger, runId } = parsed.data;
  const summary = await runSync(getDb(), integrationId, trigger, {
    queuedRunId: runId,
    owner: jobLeaseOwner(helpers.job.id),
    onLog: (m) => log("info", `sync ${integrationId.slice(0, 8)}: ${m}`),
  });
  if (!summary.ran) log("info", `sync ${integrationId.slice(0, 8)}: not run (${summary.reason})`);
};
