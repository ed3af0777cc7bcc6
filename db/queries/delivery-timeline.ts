import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { auditEvents, deliveries, syncLog } from "../schema";

/** One delivery of an integration, with every attempt the log holds and every action people took on it. */
export async function findDeliveryTimeline(db: DbOrTx, integrationId: string, deliveryId: number) {
  const [delivery] = await db
    .select({
      id: deliveries.id,
      state: deliveries.state,
      attempts: deliveries.attempts,
      nextAttemptAt: deliveries.nextAttemptAt,
      lastAttemptAt: deliveries.lastAttemptAt,
      succeededAt: deliveries.succeededAt,
    })
    .from(deliveries)
    .where(and(eq(deliveries.integrationId, integrationId), eq(deliveries.id, deliveryId)));
  if (!delivery) return undefined;
  const [attempts, actions] = await Promise.all([
    db
      .select({
        entryId: syncLog.id,
        at: syncLog.createdAt,
        attempt: syncLog.attempt,
        outcome: syncLog.outcome,
        status: syncLog.status,
        errorMessage: syncLog.errorMessage,
        durationMs: syncLog.durationMs,
      })
      .from(syncLog)
      .where(and(eq(syncLog.integrationId, integrationId), eq(syncLog.deliveryId, deliveryId)))
      .orderBy(asc(syncLog.id)),
    db
      .select({ at: auditEvents.createdAt, by: auditEvents.actorLabel, action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.resourceType, "delivery"),
          eq(auditEvents.resourceId, String(deliveryId)),
          sql`coalesce(${auditEvents.diff}->'new'->>'integrationId', ${integrationId}) = ${integrationId}`,
        ),
      )
      .orderBy(asc(auditEvents.id)),
  ]);
  return { delivery, attempts, actions };
}
