import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { ensureTestSecretKey } from "@/lib/sync/test-support/fixture";
import { createApiUsers } from "./api-users";

export type ApiTestDatabase = { t: TestDatabase; adminToken: string; viewerToken: string };

/**
 * What a route test needs, set up once per file by its own beforeAll/afterAll: a database of its own that the
 * routes' process-wide pool uses (DATABASE_URL), the secret key, and an admin's and a viewer's API tokens. Read the
 * fields inside tests and hooks (they are filled in beforeAll).
 */
export function apiTestDatabase(): ApiTestDatabase {
  const ctx = {} as ApiTestDatabase;
  beforeAll(async () => {
    ctx.t = await createTestDatabase();
    process.env.DATABASE_URL = ctx.t.url;
    ensureTestSecretKey();
    Object.assign(ctx, await createApiUsers(ctx.t));
  });
  afterAll(async () => {
    await ctx.t.drop();
  });
  return ctx;
}
