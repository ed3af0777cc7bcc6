import type { DbOrTx } from "../client";
import { auditEvents, type NewAuditEvent } from "../schema";

export async function insertAuditEvent(db: DbOrTx, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values(event);
}
