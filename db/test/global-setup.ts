import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../embedded";
import { migrateDatabase } from "../migrate";
import { freePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export const TEMPLATE_DB = "lms_sync_template";

/** One embedded PostgreSQL per test run, on a free port and a throw-away folder; each test file clones a migrated template. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(path.join(os.tmpdir(), "lms-sync-test-"));
  chmodSync(root, 0o755);
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port });
  const adminUrl = pg.url.replace(/\/lms_sync$/, "/postgres");
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${TEMPLATE_DB}`);
  await sql.end();
  await migrateDatabase(adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DB}`));
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", TEMPLATE_DB);
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  return async () => {
    await pg.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
