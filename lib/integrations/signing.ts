import "server-only";
import type { Db } from "@/db/client";
import { findIntegrationForUpdate, updateIntegrationRow } from "@/db/queries/integrations";
import type { Integration, StoredSecret } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { type Clock, systemClock } from "@/lib/clock";
import { getKeyring } from "@/lib/crypto";
import type { InboundStoredSecret } from "@/lib/inbound/model";
import { newSigningSecret, rotatedSecrets } from "@/lib/inbound/secrets";
import {
  isSigningKey,
  SIGNING_KEY_PREFIX,
  type SigningStatus,
  withoutSigningSecrets,
} from "./signing-schemas";

export { withoutSigningSecrets } from "./signing-schemas";

// Outbound signing: an integration's Standard Webhooks secrets live among its encrypted secrets as
// `signing:<created at>` (so secrets:rotate re-encrypts them and no migration was needed); a replaced one keeps
// `validUntil`, the end of the overlap the admin chose. Signing is on while one of them is valid.

/** The stored signing secrets, newest first, in the shape the inbound rotation works on. */
function storedSigning(secrets: Record<string, StoredSecret>): InboundStoredSecret[] {
  return Object.entries(secrets)
    .filter(([name]) => isSigningKey(name))
    .map(([name, s]) => ({
      ciphertext: s.ciphertext,
      createdAt: name.slice(SIGNING_KEY_PREFIX.length),
      validUntil: s.validUntil ?? null,
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

const isValidAt = (s: { validUntil: string | null }, now: Date) =>
  s.validUntil === null || new Date(s.validUntil) > now;

/** Whether requests are signed now, and the dates of the secrets that sign. */
export function signingStatus(row: Pick<Integration, "secrets">, now: Date): SigningStatus {
  const secrets = storedSigning(row.secrets)
    .filter((s) => isValidAt(s, now))
    .map(({ createdAt, validUntil }) => ({ createdAt, validUntil }));
  return { enabled: secrets.length > 0, secrets };
}

/** The decrypted signing secrets still valid at `now`, newest first, with the end of each one's overlap. */
export function outboundSigningKeys(
  stored: Record<string, StoredSecret>,
  decrypted: Record<string, string>,
  now: Date,
): { secret: string; validUntilMs: number | null }[] {
  return storedSigning(stored)
    .filter((s) => isValidAt(s, now))
    .flatMap((s) => {
      const secret = decrypted[`${SIGNING_KEY_PREFIX}${s.createdAt}`];
      if (secret === undefined) return [];
      return [{ secret, validUntilMs: s.validUntil === null ? null : Date.parse(s.validUntil) }];
    });
}

/** The integration's secrets with its signing ones replaced by `signing`. */
function replaceSigning(
  secrets: Record<string, StoredSecret>,
  signing: InboundStoredSecret[],
): Record<string, StoredSecret> {
  const next = withoutSigningSecrets(secrets);
  for (const s of signing) {
    next[`${SIGNING_KEY_PREFIX}${s.createdAt}`] = {
      ciphertext: s.ciphertext,
      changedAt: s.createdAt,
      validUntil: s.validUntil,
    };
  }
  return next;
}

// The audit trail drops any key named `secrets`; these are dates, so they go under another name.
const auditView = (s: SigningStatus) => ({ signed: s.enabled, signingSecretDates: s.secrets });

export type SigningChange =
  | { ok: true; signing: SigningStatus; signingSecret?: string }
  | { ok: false; reason: "not_found" | "already_on" | "not_on" };

type Action = "enable" | "rotate" | "disable";

/**
 * Turns signing on (a first secret), rotates it (a new secret; those in use keep signing for `overlapHours`) or
 * turns it off (every signing secret removed), audited without values. A new secret is returned once.
 */
export async function changeSigning(
  db: Db,
  id: string,
  action: Action,
  actor: Actor | null,
  opts: { overlapHours?: number; clock?: Clock } = {},
): Promise<SigningChange> {
  const now = new Date((opts.clock ?? systemClock).now());
  return db.transaction(async (tx) => {
    const old = await findIntegrationForUpdate(tx, id);
    if (!old) return { ok: false, reason: "not_found" };
    const isOn = signingStatus(old, now).enabled;
    if (action === "enable" && isOn) return { ok: false, reason: "already_on" };
    if (action !== "enable" && !isOn) return { ok: false, reason: "not_on" };
    const signingSecret = action === "disable" ? undefined : newSigningSecret();
    const signing =
      signingSecret === undefined
        ? []
        : rotatedSecrets(
            storedSigning(old.secrets),
            signingSecret,
            now,
            opts.overlapHours ?? 0,
            getKeyring(),
          );
    const row = await updateIntegrationRow(tx, id, {
      secrets: replaceSigning(old.secrets, signing),
      updatedBy: actor?.id,
    });
    const status = signingStatus(row!, now);
    await recordAudit(tx, {
      actor,
      action: `integration.signing_${action}`,
      resourceType: "integration",
      resourceId: id,
      old: auditView(signingStatus(old, now)),
      new: { ...auditView(status), ...(action === "rotate" ? { overlapHours: opts.overlapHours ?? 0 } : {}) },
      secretsChanged: ["signingSecret"],
    });
    return { ok: true, signing: status, ...(signingSecret ? { signingSecret } : {}) };
  });
}
