// A benchmark's own embedded PostgreSQL, migrated, in a temporary folder that goes when the benchmark ends.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type DbHandle } from "../../db/client";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { freePort } from "../../db/test/free-port";

export async function withBenchDatabase(
  name: string,
  run: (h: DbHandle, dataDir: string, url: string) => Promise<void>,
): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), `lms-sync-bench-${name}-`));
  chmodSync(root, 0o755); // PostgreSQL runs as its own user when we are root
  const dataDir = path.join(root, "pg");
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const h = createDb(pg.url);
  try {
    await migrateDatabase(pg.url);
    await run(h, dataDir, pg.url);
  } finally {
    await h.close();
    await pg.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Median milliseconds of `runs` calls, after one warm-up call. */
export async function medianMs(f: () => Promise<unknown>, runs = 7): Promise<number> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** Runs a benchmark's main and exits with its outcome (embedded PostgreSQL leaves handles open). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
