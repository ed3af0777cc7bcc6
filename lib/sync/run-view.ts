import type { SyncRun } from "@/db/schema";
import { isRunDone } from "./model";
import type { RunOutput } from "./schemas";

/** A run row as the API sends it: counts under their API names, done or not, and how long it ran (so far). */
export function runView(row: SyncRun, now = new Date()): RunOutput {
  const isQueued = row.status === "queued";
  const end = row.finishedAt ?? now;
  return {
    id: row.id,
    integrationId: row.integrationId,
    trigger: row.trigger,
    status: row.status,
    done: isRunDone(row.status),
    startedAt: isQueued ? null : row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: isQueued ? null : Math.max(0, end.getTime() - row.startedAt.getTime()),
    sent: row.sent,
    accepted: row.succeeded,
    retried: row.retried,
    failed: row.failed,
    error: row.error,
  };
}
