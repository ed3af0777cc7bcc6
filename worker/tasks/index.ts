import type { TaskList } from "graphile-worker";
import { integrationSync } from "./integration-sync";
import { notificationEmail } from "./notification-email";
import { syncLogRetention } from "./sync-log-retention";
import { syncTick } from "./sync-tick";

/** Every task the worker runs, by identifier. */
export const taskList: TaskList = {
  "sync-tick": syncTick,
  "integration-sync": integrationSync,
  "notification-email": notificationEmail,
  "sync-log-retention": syncLogRetention,
};

/**
 * The minute tick; no backfill: after downtime, the tick itself catches up on missed schedule fires. The log's
 * retention at 03:17 UTC (off the hour, when schedules cluster); a missed night is done the next.
 */
export const crontab = ["* * * * * sync-tick ?max=1", "17 3 * * * sync-log-retention ?max=1"].join("\n");
