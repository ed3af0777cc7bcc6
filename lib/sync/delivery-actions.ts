import "server-only";
import type { Db } from "@/db/client";
import { backfillDeliveries, findDelivery, setDeliveryState } from "@/db/queries/deliveries";
import { findIntegration } from "@/db/queries/integrations";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { enqueueRetrySync } from "./jobs";

export type ActionResult =
  | { ok: true; affected: number }
  | { ok: false; reason: "not_found" | "conflict"; message: string };

/** Admin: send one delivery again now (a fresh retry cycle, same Idempotency-Key), or skip it for good. */
export async function actOnDelivery(
  db: Db,
  integrationId: string,
  deliveryId: number,
  action: "resend" | "skip",
  actor: Actor,
): Promise<ActionResult> {
  return db.transaction(async (tx) => {
    const delivery = await findDelivery(tx, integrationId, deliveryId);
    if (!delivery) return { ok: false, reason: "not_found", message: "Delivery not found" };
    if (delivery.state === "succeeded" && action === "skip") {
      return { ok: false, reason: "conflict", message: "This completion was already delivered" };
    }
    const affected = await setDeliveryState(
      tx,
      integrationId,
      [deliveryId],
      action === "resend" ? "pending" : "skipped",
    );
    if (action === "resend") await enqueueRetrySync(tx, integrationId, new Date());
    await recordAudit(tx, {
      actor,
      action: `delivery.${action}`,
      resourceType: "delivery",
      resourceId: String(deliveryId),
      old: { state: delivery.state },
      new: { state: action === "resend" ? "pending" : "skipped" },
    });
    return { ok: true, affected };
  });
}

/** Admin: every failed delivery gets a new cycle now. */
export async function resendAllFailed(db: Db, integrationId: string, actor: Actor): Promise<ActionResult> {
  return db.transaction(async (tx) => {
    if (!(await findIntegration(tx, integrationId)))
      return { ok: false, reason: "not_found", message: "Integration not found" };
    const affected = await setDeliveryState(tx, integrationId, "all-failed", "pending");
    if (affected > 0) await enqueueRetrySync(tx, integrationId, new Date());
    await recordAudit(tx, {
      actor,
      action: "delivery.resend_failed",
      resourceType: "integration",
      resourceId: integrationId,
      new: { affected },
    });
    return { ok: true, affected };
  });
}

/** Admin: for a receiver that lost data, every completion since `since` is delivered again (new Idempotency-Keys). */
export async function backfill(
  db: Db,
  integrationId: string,
  since: Date,
  actor: Actor,
): Promise<ActionResult> {
  return db.transaction(async (tx) => {
    if (!(await findIntegration(tx, integrationId)))
      return { ok: false, reason: "not_found", message: "Integration not found" };
    const affected = await backfillDeliveries(tx, integrationId, since);
    if (affected > 0) await enqueueRetrySync(tx, integrationId, new Date());
    await recordAudit(tx, {
      actor,
      action: "delivery.backfill",
      resourceType: "integration",
      resourceId: integrationId,
      new: { since, affected },
    });
    return { ok: true, affected };
  });
}
