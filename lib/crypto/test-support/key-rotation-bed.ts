import { afterAll, beforeAll } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { resetSettingsCache } from "@/lib/settings";

/**
 * A test file's own database, and the encryption keys it switches between (as `npm run secrets:rotate` would see
 * them); the process's keys come back when the file ends.
 */
export function keyRotationBed(): {
  readonly db: Db;
  readonly sql: DbHandle["sql"];
  useKeys: (current: string, previous?: string) => void;
} {
  let t: TestDatabase;
  const saved = { key: process.env.APP_SECRET_KEY, previous: process.env.APP_SECRET_KEYS_PREVIOUS };
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    process.env.APP_SECRET_KEY = saved.key;
    process.env.APP_SECRET_KEYS_PREVIOUS = saved.previous;
    resetSettingsCache();
    await t.drop();
  });
  return {
    get db() {
      return t.db;
    },
    get sql() {
      return t.sql;
    },
    useKeys(current, previous = "") {
      process.env.APP_SECRET_KEY = current;
      process.env.APP_SECRET_KEYS_PREVIOUS = previous;
      resetSettingsCache();
    },
  };
}
