// The worker process: graphile-worker on the app's database, running the tick, syncs and notifications.
import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import { run, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { getDbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { isProcessAlive } from "@/db/process";
import { getSettings } from "@/lib/settings";
import { holdLivenessLocks, recoverCrashedWorkers } from "@/lib/sync/crashed-workers";
import { requestShutdown } from "@/lib/sync/stop-signal";
import { graphileLogger, log } from "./logger";
import { crontab, taskList } from "./tasks";

async function main() {
  const settings = getSettings();
  if (!settings.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  await migrateDatabase(settings.DATABASE_URL);
  const handle = getDbHandle();
  await handle.db.execute(sql`select 1`);

  // Lets other workers see that this one lives, and takes back the jobs of workers that died (see crashed-workers).
  const liveness = holdLivenessLocks(settings.DATABASE_URL, (e) =>
    log("warn", `liveness lock: ${String(e)}`),
  );
  const events: WorkerEvents = new EventEmitter();
  // Jobs are locked in the pool's name (batched fetch), or a worker's; hold both.
  events.on("pool:create", ({ workerPool }) => liveness.register(workerPool.id));
  events.on("worker:create", ({ worker }) => liveness.register(worker.workerId));
  const recover = () =>
    recoverCrashedWorkers(handle.db)
      .then((dead) => {
        if (dead.length > 0) log("warn", `took back the jobs of worker(s) that died: ${dead.join(", ")}`);
      })
      .catch((e: unknown) => log("warn", `could not check for dead workers: ${String(e)}`));
  const recovering = setInterval(recover, 5_000);
  recovering.unref();
  void recover();

  // Our own pool, so a database that goes away (a restart, or Ctrl-C reaching PostgreSQL first) is logged and
  // reconnected rather than an unhandled 'error' event that ends the process.
  const pgPool = new pg.Pool({
    connectionString: settings.DATABASE_URL,
    max: settings.WORKER_CONCURRENCY + 2,
  });
  pgPool.on("error", (error) => log("warn", `database connection lost: ${error.message}`));
  // A connection checked out when the server goes (graphile's LISTEN connection holds one) errors on the client.
  pgPool.on("connect", (client) =>
    client.on("error", (error) => log("warn", `database connection lost: ${error.message}`)),
  );
  const runner = await run({
    pgPool,
    concurrency: settings.WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList,
    crontab,
    logger: graphileLogger,
    events,
    // Completions go through a batcher that the graceful stop flushes; unbatched (-1, the default) a job finished
    // during shutdown is completed fire-and-forget, the pool closes first, and the job stays locked for 4 hours.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    // Runs stop claiming at once on SIGTERM; in-flight attempts may take up to their own timeout (max 120 s).
    gracefulShutdownAbortTimeout: 130_000,
  });
  log(
    "info",
    `worker ready: pid ${process.pid}, concurrency ${settings.WORKER_CONCURRENCY}, tasks ${Object.keys(taskList).join(", ")}, database ok`,
  );

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log("info", `${why}: finishing running jobs, taking no new ones…`);
    requestShutdown();
    clearInterval(recovering);
    await runner.stop().catch(() => {});
    await liveness.close().catch(() => {});
    await handle.close();
    await pgPool.end().catch(() => {});
    log("info", "worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  // Started by `npm start`: when the launcher dies (even by SIGKILL), stop too rather than run on unattended.
  const launcherPid = Number(process.env.LMS_SYNC_LAUNCHER_PID ?? 0);
  if (launcherPid > 0) {
    setInterval(() => {
      if (!isProcessAlive(launcherPid)) void stop("the launcher went away");
    }, 2_000).unref();
  }
  await runner.promise;
}

main().catch((error) => {
  log("error", `worker failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
