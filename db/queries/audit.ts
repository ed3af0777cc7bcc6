import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { auditEvents, type NewAuditEvent } from "../schema";

export async function insertAuditEvent(db: DbOrTx, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values(event);
}

/** The settings saves of one integration that produced a version after `version`, oldest first. */
export function listSettingsSavesAfter(db: DbOrTx, integrationId: string, version: number) {
  return db
    .select({ actorLabel: auditEvents.actorLabel, createdAt: auditEvents.createdAt, diff: auditEvents.diff })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.resourceType, "integration"),
        eq(auditEvents.resourceId, integrationId),
        eq(auditEvents.action, "integration.update"),
        sql`(${auditEvents.diff}->'new'->>'version')::int > ${version}`,
      ),
    )
    .orderBy(asc(auditEvents.createdAt));
}
