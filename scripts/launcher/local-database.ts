import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { isProcessAlive } from "@/db/process";
import { parseSettings } from "@/lib/settings";

/**
 * The database a one-off script should use: DATABASE_URL, else the embedded one of `npm start` (reused when it is
 * running, started for the duration of the script when not).
 */
export async function resolveDatabaseUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  const settings = parseSettings(process.env);
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL, stop: async () => {} };
  const dataDir = path.resolve(settings.DATA_DIR, "pg");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(`No database yet: run npm start once (or set DATABASE_URL)`);
  }
  const url = `postgres://lms_sync:lms_sync@127.0.0.1:${settings.EMBEDDED_PG_PORT}/lms_sync`;
  if (isRunning(dataDir)) return { url, stop: async () => {} };
  const pg = await startEmbeddedPostgres({ dataDir, port: settings.EMBEDDED_PG_PORT });
  await migrateDatabase(pg.url);
  return { url: pg.url, stop: pg.stop };
}

function isRunning(dataDir: string): boolean {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  return isProcessAlive(Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10));
}
