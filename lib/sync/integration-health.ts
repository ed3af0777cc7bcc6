import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Integration, integrations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type NotifyInput, notify } from "@/lib/notify/notify";
import type { AttemptResult } from "./attempt-result";
import { describeFailure } from "./describe-failure";
import { followStreak } from "./failure-streak";
import type { StopReason } from "./model";

export type HealthChange = { stop: Exclude<StopReason, "shutdown"> | null; consecutiveFailures: number };

/** What a batch of attempts does to its integration: the row's new values and the notifications it sends. */
export type HealthPlan = HealthChange & {
  set: Partial<
    Pick<Integration, "consecutiveFailures" | "status" | "disabledReason" | "disabledAt" | "lastSuccessAt">
  >;
  notifications: NotifyInput[];
  /** The status change the batch brings about (auto-disabled, or paused by a 410), for the audit trail. */
  statusChange: {
    action: "integration.auto_disable" | "integration.gone_pause";
    from: Integration["status"];
  } | null;
};

/**
 * What a batch of attempts does to the integration (read locked by the caller, which writes the plan in the same
 * transaction): its failures in a row, its last success, and what they bring about: paused on 410 Gone, a warning
 * at half the threshold, disabled at the threshold, each with a notification that says how many failed in a row
 * when it happened.
 */
export function planIntegrationHealth(integration: Integration, results: AttemptResult[]): HealthPlan {
  const { id: integrationId, failureThreshold } = integration;
  const streak = followStreak(
    integration.consecutiveFailures,
    failureThreshold,
    results.filter((r) => r.wasSent),
  );
  const { gone, halfWay, reached } = streak;
  const link = `/integrations/${integrationId}/log`;
  const wasActive = integration.status === "active";
  const notifications: NotifyInput[] = [];
  let status = integration.status;
  let disabledReason = integration.disabledReason;
  if (wasActive && gone) {
    status = "paused";
    disabledReason = `The receiver answered 410 Gone at ${gone.outcome.url}: it says this endpoint no longer exists.`;
    notifications.push({
      integrationId,
      kind: "integration.gone",
      severity: "error",
      title: `${integration.name} paused: the receiver says the endpoint is gone (410)`,
      body: `${disabledReason}\nSyncing is paused; nothing pending was dropped. Check the endpoint URL with the receiving system's owners, then enable the integration again.`,
      link,
    });
  }
  if (wasActive && !gone && halfWay) {
    notifications.push({
      integrationId,
      kind: "integration.failing",
      severity: "warning",
      title: `${integration.name} is failing: ${halfWay.count} in a row`,
      body: `Last error: ${describeFailure(halfWay.failure.outcome)}\nAt ${failureThreshold} failures in a row the integration is disabled automatically.`,
      link,
    });
  }
  if (wasActive && !gone && reached) {
    const { outcome } = reached.failure;
    status = "auto_disabled";
    disabledReason = describeFailure(outcome);
    notifications.push({
      integrationId,
      kind: "integration.auto_disabled",
      severity: "error",
      title: `${integration.name} was disabled after ${reached.count} failed attempts in a row`,
      body: `Last error: ${disabledReason}\n${outcome.diagnosis ? `${outcome.diagnosis.cause} ${outcome.diagnosis.fix}\n` : ""}Nothing pending was dropped: enable the integration again to continue where it stopped.`,
      link,
    });
  }
  const set: HealthPlan["set"] = {
    consecutiveFailures: streak.after,
    status,
    disabledReason,
    ...(status !== integration.status ? { disabledAt: new Date() } : {}),
    ...(streak.lastSuccess ? { lastSuccessAt: streak.lastSuccess.update.lastAttemptAt } : {}),
  };
  const stop =
    status === "auto_disabled"
      ? "auto_disabled"
      : status === "paused" && gone
        ? "gone"
        : status !== "active"
          ? "not_active"
          : null;
  const statusChange =
    status === integration.status
      ? null
      : {
          action:
            status === "auto_disabled"
              ? ("integration.auto_disable" as const)
              : ("integration.gone_pause" as const),
          from: integration.status,
        };
  return { set, notifications, statusChange, stop, consecutiveFailures: streak.after };
}

/**
 * Writes a plan's notifications (each with its e-mail job) and, when it changes the integration's status, an audit
 * event by the system (every change to an integration is one), in the caller's transaction.
 */
export async function recordHealthEvents(tx: DbOrTx, integrationId: string, plan: HealthPlan): Promise<void> {
  for (const notification of plan.notifications) await notify(tx, notification);
  const { statusChange } = plan;
  if (!statusChange) return;
  await recordAudit(tx, {
    actor: null,
    action: statusChange.action,
    resourceType: "integration",
    resourceId: integrationId,
    old: { status: statusChange.from },
    new: {
      status: plan.set.status,
      disabledReason: plan.set.disabledReason,
      consecutiveFailures: plan.consecutiveFailures,
    },
  });
}

/** The plan's new values for the integration's row. */
export async function applyIntegrationHealth(
  tx: DbOrTx,
  integrationId: string,
  plan: HealthPlan,
): Promise<void> {
  await tx.update(integrations).set(plan.set).where(eq(integrations.id, integrationId));
}
