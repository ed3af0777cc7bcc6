import "server-only";
import type { Db, Tx } from "@/db/client";
import { backfillDeliveries, findDelivery, setDeliveryState } from "@/db/queries/deliveries";
import { findIntegration } from "@/db/queries/integrations";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { enqueueRetrySync } from "./jobs";

export type ActionResult =
  | { ok: true; affected: number }
  | { ok: false; reason: "not_found" | "conflict"; message: string };

/**
 * Admin: send one pending, retrying, failed or skipped delivery now (a fresh retry cycle, same Idempotency-Key;
 * for a skipped one this undoes the skip), or skip it for good. A delivered one is refused either way.
 */
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
    // A delivered completion is not sent again by accident: "send again since" (backfill) does that on purpose.
    if (delivery.state === "succeeded") {
      return {
        ok: false,
        reason: "conflict",
        message:
          action === "skip"
            ? "This completion was already delivered"
            : "This completion was already delivered; to deliver it once more, use Send again since… (backfill)",
      };
    }
    const affected = await setDeliveryState(
      tx,
      integrationId,
      [deliveryId],
      action === "resend" ? "pending" : "skipped",
    );
    if (action === "resend") await enqueueRetrySync(tx, integrationId, new Date(), "resend");
    await recordAudit(tx, {
      actor,
      action: `delivery.${action}`,
      resourceType: "delivery",
      resourceId: String(deliveryId),
      old: { state: delivery.state },
      // The integration rides along so its history can list what was done to its deliveries.
      new: { state: action === "resend" ? "pending" : "skipped", integrationId },
    });
    return { ok: true, affected };
  });
}

/**
 * An action on many deliveries of one integration, in one transaction: `change` returns how many it made due, a
 * retry run is enqueued for them, and the audit event records the count with `details`.
 */
async function actOnIntegration(
  db: Db,
  integrationId: string,
  actor: Actor,
  action: `delivery.${string}`,
  change: (tx: Tx) => Promise<number>,
  details: Record<string, unknown> = {},
): Promise<ActionResult> {
  return db.transaction(async (tx) => {
    if (!(await findIntegration(tx, integrationId)))
      return { ok: false, reason: "not_found", message: "Integration not found" };
    const affected = await change(tx);
    if (affected > 0) await enqueueRetrySync(tx, integrationId, new Date(), "resend");
    await recordAudit(tx, {
      actor,
      action,
      resourceType: "integration",
      resourceId: integrationId,
      new: { ...details, affected },
    });
    return { ok: true, affected };
  });
}

/** Admin: every failed delivery gets a new cycle now. */
export function resendAllFailed(db: Db, integrationId: string, actor: Actor): Promise<ActionResult> {
  return actOnIntegration(db, integrationId, actor, "delivery.resend_failed", (tx) =>
    setDeliveryState(tx, integrationId, "all-failed", "pending"),
  );
}

/** Admin: for a receiver that lost data, every completion since `since` is delivered again (new Idempotency-Keys). */
export function backfill(db: Db, integrationId: string, since: Date, actor: Actor): Promise<ActionResult> {
  return actOnIntegration(
    db,
    integrationId,
    actor,
    "delivery.backfill",
    (tx) => backfillDeliveries(tx, integrationId, since),
    { since },
  );
}
