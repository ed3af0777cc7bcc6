import type { TaskList } from "graphile-worker";
import { integrationSync } from "./integration-sync";
import { notificationEmail } from "./notification-email";
import { syncTick } from "./sync-tick";

/** Every task the worker runs, by identifier. */
export const taskList: TaskList = {
  "sync-tick": syncTick,
  "integration-sync": integrationSync,
  "notification-email": notificationEmail,
};

/** The minute tick; no backfill: after downtime, the tick itself catches up on missed schedule fires. */
export const crontab = "* * * * * sync-tick ?max=1";
