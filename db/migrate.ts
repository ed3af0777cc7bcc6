import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { Logger, runMigrations } from "graphile-worker";
import { createDb } from "./client";

const MIGRATIONS_FOLDER = path.join(import.meta.dirname, "migrations");
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK = 7_310_442;

/** Applies the app's drizzle migrations and graphile-worker's own schema; safe to run from several processes at once. */
export async function migrateDatabase(url: string): Promise<void> {
  const handle = createDb(url, { max: 1 });
  try {
    await handle.sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      await migrate(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
      await runMigrations({ connectionString: url, logger: quietLogger() });
    } finally {
      await handle.sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    }
  } finally {
    await handle.close();
  }
}

// graphile-worker's migrations have nothing worth printing.
function quietLogger(): Logger {
  return new Logger(() => () => {});
}
