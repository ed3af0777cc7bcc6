import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { integrations, mappingVersions, type NewIntegration, type NewMappingVersion } from "../schema";
import { countDeliveriesByState } from "./delivery-counts";

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

/** Every integration, newest first, with its delivery counts (summed from delivery_counts, not counted). */
export async function listIntegrationsWithStats(db: DbOrTx) {
  const [rows, counts] = await Promise.all([
    db.select().from(integrations).orderBy(desc(integrations.createdAt)),
    countDeliveriesByState(db),
  ]);
  return rows.map((integration) => {
    const c = counts.get(integration.id) ?? {};
    const stats: IntegrationStats = {
      pending: (c.pending ?? 0) + (c.retrying ?? 0),
      failed: c.failed ?? 0,
      succeeded: c.succeeded ?? 0,
    };
    return { integration, stats };
  });
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
