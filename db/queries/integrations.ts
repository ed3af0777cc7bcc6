import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  deliveries,
  integrations,
  mappingVersions,
  type NewIntegration,
  type NewMappingVersion,
} from "../schema";

export function findIntegration(db: DbOrTx, id: string) {
  return db.query.integrations.findFirst({ where: eq(integrations.id, id) });
}

export async function insertIntegration(db: DbOrTx, values: NewIntegration) {
  const [row] = await db.insert(integrations).values(values).returning();
  return row!;
}

export async function insertMappingVersion(db: DbOrTx, values: NewMappingVersion): Promise<void> {
  await db.insert(mappingVersions).values(values);
}

export type IntegrationStats = {
  pending: number;
  failed: number;
  succeeded: number;
};

/** Every integration, newest first, with its delivery counts. */
export async function listIntegrationsWithStats(db: DbOrTx) {
  const counts = db
    .select({
      integrationId: deliveries.integrationId,
      pending: sql<number>`count(*) filter (where ${deliveries.state} in ('pending', 'retrying'))`.as(
        "pending",
      ),
      failed: sql<number>`count(*) filter (where ${deliveries.state} = 'failed')`.as("failed"),
      succeeded: sql<number>`count(*) filter (where ${deliveries.state} = 'succeeded')`.as("succeeded"),
    })
    .from(deliveries)
    .groupBy(deliveries.integrationId)
    .as("counts");
  const rows = await db
    .select({
      integration: integrations,
      pending: sql<number>`coalesce(${counts.pending}, 0)`.mapWith(Number),
      failed: sql<number>`coalesce(${counts.failed}, 0)`.mapWith(Number),
      succeeded: sql<number>`coalesce(${counts.succeeded}, 0)`.mapWith(Number),
    })
    .from(integrations)
    .leftJoin(counts, eq(counts.integrationId, integrations.id))
    .orderBy(desc(integrations.createdAt));
  return rows.map(({ integration, ...stats }) => ({ integration, stats: stats as IntegrationStats }));
}

export async function updateIntegrationRow(db: DbOrTx, id: string, values: Partial<NewIntegration>) {
  const [row] = await db
    .update(integrations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(integrations.id, id))
    .returning();
  return row;
}

export async function deleteIntegrationRow(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .delete(integrations)
    .where(eq(integrations.id, id))
    .returning({ id: integrations.id });
  return rows.length === 1;
}

/** Locks the row for the rest of the transaction so concurrent changes apply one after the other. */
export async function findIntegrationForUpdate(db: DbOrTx, id: string) {
  const [row] = await db.select().from(integrations).where(eq(integrations.id, id)).for("update");
  return row;
}
