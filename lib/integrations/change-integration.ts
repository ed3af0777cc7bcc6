import "server-only";
import type { Db } from "@/db/client";
import { listSettingsSavesAfter } from "@/db/queries/audit";
import {
  deleteIntegrationRow,
  findIntegrationForUpdate,
  insertMappingVersion,
  updateIntegrationRow,
} from "@/db/queries/integrations";
import { queueManualRun } from "@/db/queries/sync-runs";
import type { Integration, SyncRun } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import type { MappingEntry } from "@/lib/mapping";
import { enqueueRetrySync, enqueueSync } from "@/lib/sync/jobs";
import type { OtherChange } from "./conflict";
import { pickAuthSettings } from "./model";
import { checkSave, type RuleProblem } from "./rules";
import type { UpdateIntegrationInput } from "./schemas";
import { applySecretChanges, storedSecretChanges } from "./secrets";

export type ChangeResult =
  | { ok: true; integration: Integration }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "stale"; currentVersion: number }
  | { ok: false; reason: "conflict"; currentVersion: number; changes: OtherChange[] }
  | { ok: false; reason: "invalid"; problems: RuleProblem[] }
  | { ok: false; reason: "not_active"; integration: Integration };

/**
 * Applies a settings change with its audit event, in one transaction. Only the keys in `input` change (secrets are
 * write-only); a change of auth type keeps only the settings the new type reads. With `input.version`, refuses when
 * someone saved since, naming who changed what.
 */
export async function updateIntegration(
  db: Db,
  id: string,
  input: UpdateIntegrationInput,
  actor: Actor,
): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const old = await findIntegrationForUpdate(tx, id);
    if (!old) return { ok: false, reason: "not_found" };
    const { secrets: secretInput, secretHeaders: secretHeaderInput, version, ...settings } = input;
    if (version !== undefined && version !== old.settingsVersion) {
      const saves = await listSettingsSavesAfter(tx, id, version);
      const changes = saves.map((e) => ({
        by: e.actorLabel,
        at: e.createdAt.toISOString(),
        fields: changedFields(e.diff),
      }));
      return { ok: false, reason: "conflict", currentVersion: old.settingsVersion, changes };
    }
    const check = checkSave(input, old);
    if (!check.ok) return { ok: false, reason: "invalid", problems: check.problems };
    if (settings.authType !== undefined || settings.authConfig !== undefined) {
      const authType = settings.authType ?? old.authType;
      settings.authConfig = pickAuthSettings(authType, settings.authConfig ?? old.authConfig);
    }
    const { secrets, changed } = applySecretChanges(
      old.secrets,
      storedSecretChanges(old.secrets, { secrets: secretInput, secretHeaders: secretHeaderInput }),
    );
    const certInfo = check.clientCertInfo === undefined ? {} : { clientCertInfo: check.clientCertInfo };
    const row = await updateIntegrationRow(tx, id, {
      ...settings,
      ...certInfo,
      secrets,
      settingsVersion: old.settingsVersion + 1,
      updatedBy: actor.id,
    });
    await recordAudit(tx, {
      actor,
      action: "integration.update",
      resourceType: "integration",
      resourceId: id,
      old: { ...pick(old, Object.keys(settings)), version: old.settingsVersion },
      new: { ...pick(row!, Object.keys(settings)), version: row!.settingsVersion },
      secretsChanged: changed,
    });
    return { ok: true, integration: row! };
  });
}

function changedFields(diff: { new?: unknown; secretsChanged?: unknown }): string[] {
  const fields = Object.keys((diff.new ?? {}) as object).filter((k) => k !== "version");
  const secrets = Array.isArray(diff.secretsChanged) ? diff.secretsChanged.map((n) => `secrets.${n}`) : [];
  return [...fields, ...secrets];
}

/**
 * Saves a new mapping version (already validated by the caller) and points the integration at it. With
 * `baseVersion`, refuses when someone saved since (checked under the row lock, so two saves cannot both win).
 */
export async function saveMapping(
  db: Db,
  id: string,
  entries: MappingEntry[],
  actor: Actor,
  baseVersion?: number,
): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const old = await findIntegrationForUpdate(tx, id);
    if (!old) return { ok: false, reason: "not_found" };
    if (baseVersion !== undefined && old.mappingVersion !== baseVersion) {
      return { ok: false, reason: "stale", currentVersion: old.mappingVersion };
    }
    const version = old.mappingVersion + 1;
    await insertMappingVersion(tx, { integrationId: id, version, entries, savedBy: actor.id });
    const row = await updateIntegrationRow(tx, id, {
      mapping: entries,
      mappingVersion: version,
      updatedBy: actor.id,
    });
    await recordAudit(tx, {
      actor,
      action: "integration.mapping_save",
      resourceType: "integration",
      resourceId: id,
      old: { version: old.mappingVersion, entries: old.mapping },
      new: { version, entries },
    });
    return { ok: true, integration: row! };
  });
}

export type StatusAction = "enable" | "pause";

/**
 * Enable (also clears an auto-disable and the failure count, and enqueues a run at once that continues where it
 * stopped) or pause.
 */
export async function setIntegrationStatus(
  db: Db,
  id: string,
  action: StatusAction,
  actor: Actor,
): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const old = await findIntegrationForUpdate(tx, id);
    if (!old) return { ok: false, reason: "not_found" };
    // The system's reason stays only while its state does: a pause by hand replaces an auto-disable's.
    const cleared = { disabledReason: null, disabledAt: null };
    const values =
      action === "enable"
        ? { status: "active" as const, consecutiveFailures: 0, ...cleared }
        : { status: "paused" as const, ...(old.status === "paused" ? {} : cleared) };
    const row = await updateIntegrationRow(tx, id, { ...values, updatedBy: actor.id });
    // What waited while it was off is due now: sent by a run that starts no new retry cycles (as a retry's run).
    if (action === "enable") await enqueueRetrySync(tx, id, new Date(), "enable");
    await recordAudit(tx, {
      actor,
      action: `integration.${action}`,
      resourceType: "integration",
      resourceId: id,
      old: { status: old.status, disabledReason: old.disabledReason },
      new: { status: row!.status },
    });
    return { ok: true, integration: row! };
  });
}

export type RunRequest =
  | { ok: true; integration: Integration; run: SyncRun }
  | Extract<ChangeResult, { reason: "not_found" | "not_active" }>;

/**
 * "Run now": records the run as queued (or joins the one already waiting) and enqueues the same sync job the
 * schedule does, which starts that run, in the transaction that records who asked.
 */
export async function requestRun(db: Db, id: string, actor: Actor): Promise<RunRequest> {
  return db.transaction(async (tx) => {
    const row = await findIntegrationForUpdate(tx, id);
    if (!row) return { ok: false, reason: "not_found" };
    if (row.status !== "active") return { ok: false, reason: "not_active", integration: row };
    const run = await queueManualRun(tx, id);
    await enqueueSync(tx, id, "manual", undefined, run.id);
    await recordAudit(tx, {
      actor,
      action: "integration.run",
      resourceType: "integration",
      resourceId: id,
      new: { runId: run.id },
    });
    return { ok: true, integration: row, run };
  });
}

export async function deleteIntegration(db: Db, id: string, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const old = await findIntegrationForUpdate(tx, id);
    if (!old) return false;
    await deleteIntegrationRow(tx, id);
    await recordAudit(tx, {
      actor,
      action: "integration.delete",
      resourceType: "integration",
      resourceId: id,
      old,
    });
    return true;
  });
}

function pick<T extends object>(row: T, keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(row).filter(([k]) => keys.includes(k))) as Partial<T>;
}
