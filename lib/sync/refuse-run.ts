import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { finishSyncRun } from "@/db/queries/sync-runs";
import { type Integration, syncRuns } from "@/db/schema";
import { receiverValidator } from "@/lib/contract/validator";
import { connectionFromIntegration } from "@/lib/integrations/connection";
import { validateMapping } from "@/lib/mapping";
import { notify } from "@/lib/notify/notify";

/**
 * Checks what must hold before anything is sent: a mapping that validates and secrets that decrypt (the caller has
 * already tried, and passes the error if they did not). When one fails, the run ends as failed with the reason, and
 * people are told (once, not on every run with the same problem).
 */
export async function refuseRun(
  db: Db,
  integration: Integration,
  runId: number,
  credentialsError: string | null,
): Promise<string | null> {
  const reason = whyRefused(integration, credentialsError);
  if (!reason) return null;
  await db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ error: syncRuns.error })
      .from(syncRuns)
      .where(and(eq(syncRuns.integrationId, integration.id), lt(syncRuns.id, runId)))
      .orderBy(desc(syncRuns.id))
      .limit(1);
    await finishSyncRun(tx, runId, "failed", reason);
    if (previous?.error === reason) return;
    await notify(tx, {
      integrationId: integration.id,
      kind: "run.refused",
      severity: "error",
      title: `${integration.name}: sync stopped before sending anything`,
      body: `${reason}\nNothing was sent and nothing is lost: the completions stay pending until this is fixed.`,
      link: `/integrations/${integration.id}`,
    });
  });
  return reason;
}

/** Why a run of the integration would be refused now (as refuseRun would say it), or null. */
export async function refusalReason(db: Db, integrationId: string): Promise<string | null> {
  const integration = await findIntegration(db, integrationId);
  if (!integration) return null;
  const conn = connectionFromIntegration(integration);
  return whyRefused(integration, conn.ok ? null : conn.error);
}

function whyRefused(integration: Integration, credentialsError: string | null): string | null {
  const { errors } = validateMapping(integration.mapping as Parameters<typeof validateMapping>[0]);
  if (errors.length > 0) {
    const list = errors
      .slice(0, 5)
      .map((e) => e.message)
      .join("; ");
    return `The payload mapping (version ${integration.mappingVersion}) does not validate: ${list}`;
  }
  if (integration.validateBeforeSending && integration.receiverSchema) {
    const compiled = receiverValidator(integration.receiverSchema);
    if (!compiled.ok) {
      const list = compiled.problems.map((p) => p.message).join("; ");
      return `The receiver's JSON Schema cannot be used to validate before sending: ${list}`;
    }
  }
  return credentialsError ? `The integration's credentials cannot be read: ${credentialsError}` : null;
}
