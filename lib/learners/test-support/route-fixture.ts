import { seedLmsData } from "@/db/seed/lms-data";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { createIntegration } from "@/lib/integrations/create-integration";
import { createIntegrationSchema } from "@/lib/integrations/schemas";
import { ensureTestSecretKey } from "@/lib/sync/test-support/fixture";

export type RouteFixture = {
  t: TestDatabase;
  adminToken: string;
  viewerToken: string;
  integrationId: string;
};

/** A test database with LMS data (learner "anne" first), an admin and a viewer token, and one integration. */
export async function createRouteFixture(): Promise<RouteFixture> {
  const t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ensureTestSecretKey();
  await seedLmsData(t.db, new Date("2026-04-20T00:00:00Z"), { users: 30, completions: 300 });
  const { adminToken, viewerToken } = await createApiUsers(t);
  const row = await createIntegration(
    t.db,
    createIntegrationSchema.parse({ name: "HR", endpointUrl: "https://hr.example.com/in", authType: "none" }),
    null,
  );
  return { t, adminToken, viewerToken, integrationId: row.id };
}
