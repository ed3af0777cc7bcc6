import type { Task } from "graphile-worker";
import { getDb } from "@/db/client";
import { deleteInboundLogBefore } from "@/db/queries/inbound-log";
import { deleteSyncLogBefore } from "@/db/queries/sync-log";
import { getSettings } from "@/lib/settings";
import { log } from "../logger";

const DAY_MS = 86_400_000;

/**
 * Nightly (graphile-worker cron): deletes the sync log's and the inbound log's rows older than
 * SYNC_LOG_RETENTION_DAYS, when that is set.
 */
export const syncLogRetention: Task = async () => {
  const days = getSettings().SYNC_LOG_RETENTION_DAYS;
  if (days === 0) return; // keep everything
  const before = new Date(Date.now() - days * DAY_MS);
  const deleted = await deleteSyncLogBefore(getDb(), before);
  const inbound = await deleteInboundLogBefore(getDb(), before);
  log(
    "info",
    `log retention: ${deleted} sync log and ${inbound} inbound log row(s) from before ${before.toISOString()} deleted (${days} days kept)`,
  );
};
