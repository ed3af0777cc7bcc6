import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { auditEvents } from "../schema";

/**
 * An integration's history, newest first: changes to it, and actions on its deliveries (which name it in their
 * diff). `before` is the previous page's last id.
 */
export function listIntegrationHistory(db: DbOrTx, integrationId: string, limit: number, before?: number) {
  return db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      diff: auditEvents.diff,
    })
    .from(auditEvents)
    .where(
      and(
        or(
          and(eq(auditEvents.resourceType, "integration"), eq(auditEvents.resourceId, integrationId)),
          and(
            eq(auditEvents.resourceType, "delivery"),
            sql`${auditEvents.diff}->'new'->>'integrationId' = ${integrationId}`,
          ),
        ),
        before === undefined ? undefined : lt(auditEvents.id, before),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
