import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { integrations } from "../schema";

export function listActiveSchedules(db: DbOrTx) {
  return db
    .select({
      id: integrations.id,
      name: integrations.name,
      scheduleCron: integrations.scheduleCron,
      scheduleTimeZone: integrations.scheduleTimeZone,
      lastScheduledAt: integrations.lastScheduledAt,
      createdAt: integrations.createdAt,
    })
    .from(integrations)
    .where(eq(integrations.status, "active"));
}

/** Marks a schedule fire as handled; false when another worker's tick got there first. */
export async function claimScheduleFire(
  db: DbOrTx,
  id: string,
  seen: Date | null,
  fireAt: Date,
): Promise<boolean> {
  const rows = await db
    .update(integrations)
    .set({ lastScheduledAt: fireAt })
    .where(and(eq(integrations.id, id), seen ? eq(integrations.lastScheduledAt, seen) : undefined))
    .returning({ id: integrations.id });
  return rows.length === 1;
}
