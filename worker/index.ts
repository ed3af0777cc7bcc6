// The worker process: graphile-worker on the app's database, running the tick, syncs and notifications.
import { sql } from "drizzle-orm";
import { run } from "graphile-worker";
import { getDbHandle } from "@/db/client";
import { isProcessAlive } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { getSettings } from "@/lib/settings";
import { requestShutdown } from "@/lib/sync/stop-signal";
import { graphileLogger, log } from "./logger";
import { crontab, taskList } from "./tasks";

async function main() {
  const settings = getSettings();
  if (!settings.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  await migrateDatabase(settings.DATABASE_URL);
  const handle = getDbHandle();
  await handle.db.execute(sql`select 1`);

  const runner = await run({
    connectionString: settings.DATABASE_URL,
    concurrency: settings.WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList,
    crontab,
    logger: graphileLogger,
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
    await runner.stop().catch(() => {});
    await handle.close();
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
