import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../db/test/free-port";
import { startStack } from "../../scripts/launcher/stack";

/** The whole app for browser tests: its own embedded PostgreSQL in a throw-away folder, demo data, the production build. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = Number(process.env.E2E_PORT ?? 3107);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lms-sync-e2e-"));
  const stack = await startStack({
    dataDir,
    port,
    pgPort: await freePort(),
    withWorker: process.env.E2E_WITH_WORKER === "1",
    log: (m) => console.log(`[e2e] ${m}`),
    extraEnv: { LOG_LEVEL: "warn" },
  });
  process.env.DATABASE_URL = stack.databaseUrl;
  process.env.E2E_BASE_URL = stack.appUrl;
  process.env.DEMO_RECEIVER_API_KEY = stack.env.DEMO_RECEIVER_API_KEY;
  process.env.APP_SECRET_KEY = stack.env.APP_SECRET_KEY;
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
