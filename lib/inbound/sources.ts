import "server-only";
import type { Db } from "@/db/client";
import {
  deleteInboundSource,
  findInboundSourceForUpdate,
  insertInboundSource,
  updateInboundSource,
} from "@/db/queries/inbound-sources";
import type { InboundSource } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { type Clock, systemClock } from "@/lib/clock";
import { getSettings } from "@/lib/settings";
import { firstSecret, newSigningSecret, rotatedSecrets } from "./secrets";
import type { InboundSourceOut } from "./source-schemas";

const RESOURCE = "inbound_source";

/** A source as the API shows it: its URL and the secrets' dates, never a secret. */
export function toSourceReply(
  row: InboundSource,
  lastReceivedAt: Date | null = null,
  now = new Date(),
): InboundSourceOut {
  return {
    id: row.id,
    name: row.name,
    kinds: row.kinds,
    createMissing: row.createMissing,
    url: `${getSettings().appUrl}/api/inbound/${row.id}`,
    secrets: row.secrets
      .filter((s) => s.validUntil === null || new Date(s.validUntil) > now)
      .map(({ createdAt, validUntil }) => ({ createdAt, validUntil })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastReceivedAt,
  };
}

/** Creates a source with a new signing secret, audited; the plain secret is returned once. */
export async function createInboundSource(
  db: Db,
  input: { name: string; kinds: InboundSource["kinds"]; createMissing: boolean },
  actor: Actor | null,
  clock: Clock = systemClock,
): Promise<{ row: InboundSource; signingSecret: string }> {
  const signingSecret = newSigningSecret();
  return db.transaction(async (tx) => {
    const row = await insertInboundSource(tx, {
      ...input,
      secrets: firstSecret(signingSecret, new Date(clock.now())),
      createdBy: actor?.id,
    });
    await recordAudit(tx, {
      actor,
      action: "inbound_source.create",
      resourceType: RESOURCE,
      resourceId: row.id,
      new: row,
      secretsChanged: ["signingSecret"],
    });
    return { row, signingSecret };
  });
}

/** Changes a source's name, kinds or permission to create, audited; undefined when there is no such source. */
export async function changeInboundSource(
  db: Db,
  id: string,
  changes: { name?: string; kinds?: InboundSource["kinds"]; createMissing?: boolean },
  actor: Actor | null,
): Promise<InboundSource | undefined> {
  return db.transaction(async (tx) => {
    const old = await findInboundSourceForUpdate(tx, id);
    if (!old) return undefined;
    const row = await updateInboundSource(tx, id, changes);
    await recordAudit(tx, {
      actor,
      action: "inbound_source.update",
      resourceType: RESOURCE,
      resourceId: id,
      old,
      new: row,
    });
    return row;
  });
}

/**
 * Gives a source a new signing secret; the secrets in use keep verifying for `overlapHours` (0 ends them now), so a
 * sender can switch without a gap. Audited without values; the plain secret is returned once.
 */
export async function rotateSigningSecret(
  db: Db,
  id: string,
  overlapHours: number,
  actor: Actor | null,
  clock: Clock = systemClock,
): Promise<{ row: InboundSource; signingSecret: string } | undefined> {
  const signingSecret = newSigningSecret();
  return db.transaction(async (tx) => {
    const old = await findInboundSourceForUpdate(tx, id);
    if (!old) return undefined;
    const secrets = rotatedSecrets(old.secrets, signingSecret, new Date(clock.now()), overlapHours);
    const row = (await updateInboundSource(tx, id, { secrets }))!;
    await recordAudit(tx, {
      actor,
      action: "inbound_source.rotate_secret",
      resourceType: RESOURCE,
      resourceId: id,
      new: { overlapHours },
      secretsChanged: ["signingSecret"],
    });
    return { row, signingSecret };
  });
}

/** Deletes a source and its log, audited; whether there was one. */
export async function removeInboundSource(db: Db, id: string, actor: Actor | null): Promise<boolean> {
  return db.transaction(async (tx) => {
    const old = await findInboundSourceForUpdate(tx, id);
    if (!old) return false;
    await deleteInboundSource(tx, id);
    await recordAudit(tx, {
      actor,
      action: "inbound_source.delete",
      resourceType: RESOURCE,
      resourceId: id,
      old,
    });
    return true;
  });
}
