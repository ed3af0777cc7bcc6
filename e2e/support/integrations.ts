import { eq, sql } from "drizzle-orm";
import { integrations } from "../../db/schema";
import { createIntegration } from "../../lib/integrations/create-integration";
import { type CreateIntegrationInput, createIntegrationSchema } from "../../lib/integrations/schemas";
import { e2eDb } from "./db";

/** The demo integration's id (seeded by the e2e stack). */
export async function demoIntegrationId(): Promise<string> {
  const [row] = await e2eDb()
    .db.select({ id: integrations.id })
    .from(integrations)
    .where(eq(integrations.name, "Demo HR system"));
  if (!row) throw new Error("the demo integration is missing");
  return row.id;
}

/** An integration of the test's own, created through lib/ as the API would. */
export async function createTestIntegration(
  input: Partial<CreateIntegrationInput> & { name: string },
): Promise<string> {
  const row = await createIntegration(
    e2eDb().db,
    createIntegrationSchema.parse({
      endpointUrl: `${process.env.E2E_BASE_URL}/api/demo-receiver`,
      authType: "api_key",
      authConfig: { headerName: "X-API-Key" },
      sendFrom: new Date(Date.now() - 365 * 86_400_000).toISOString(),
      ...input,
    }),
    null,
  );
  return row.id;
}

/** What a sync would have written for an integration: log rows, deliveries, runs. */
export async function syncFootprint(
  integrationId: string,
): Promise<{ log: number; deliveries: number; runs: number }> {
  const [row] = await e2eDb().sql<{ log: number; deliveries: number; runs: number }[]>`
    select (select count(*)::int from sync_log where integration_id = ${integrationId}) as log,
           (select count(*)::int from deliveries where integration_id = ${integrationId}) as deliveries,
           (select count(*)::int from sync_runs where integration_id = ${integrationId}) as runs`;
  return row!;
}

/** User names of learners with at least one completion, most completions first. */
export async function learnersWithCompletions(count: number): Promise<string[]> {
  const rows = await e2eDb().db.execute<{ user_name: string }>(sql`
    select u.user_name from users u join completions c on c.user_id = u.id
    group by u.user_name order by count(*) desc, u.user_name limit ${count}`);
  return rows.map((r) => r.user_name);
}
