import type { Task, TaskList } from "graphile-worker";
import { errorText } from "@/db/error-text";
import { integrationSync } from "./integration-sync";
import { notificationEmail } from "./notification-email";
import { syncLogRetention } from "./sync-log-retention";
import { syncTick } from "./sync-tick";

/**
 * A task whose failure is logged (and kept as the job's last error) in words: a failed query's parameters (request
 * bodies, learners' data, encrypted secrets) never reach the worker's log or the jobs table (errorText).
 */
export function withErrorText(task: Task): Task {
  return async (payload, helpers) => {
    try {
      await task(payload, helpers);
    } catch (error) {
      const text = errorText(error);
      throw error instanceof Error && error.message === text ? error : new Error(text);
    }
  };
}

/** Every task the worker runs, by identifier. */
export const taskList: TaskList = Object.fromEntries(
  Object.entries({
    "sync-tick": syncTick,
    "integration-sync": integrationSync,
    "notification-email": notificationEmail,
    "sync-log-retention": syncLogRetention,
  }).map(([name, task]) => [name, withErrorText(task)]),
);

/**
 * The minute tick; no backfill: after downtime, the tick itself catches up on missed schedule fires. The log's
 * retention at 03:17 UTC (off the hour, when schedules cluster); a missed night is done the next.
 */
export const crontab = ["* * * * * sync-tick ?max=1", "17 3 * * * sync-log-retention ?max=1"].join("\n");
