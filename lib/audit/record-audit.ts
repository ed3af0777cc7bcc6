import type { DbOrTx } from "@/db/client";
import { insertAuditEvent } from "@/db/queries/audit";
import type { Actor } from "@/lib/auth/roles";

const SECRET_KEYS = new Set(["secrets", "password", "passwordHash", "token", "apiKey", "clientSecret"]);

/** Drops secret-bearing keys (at any depth) so an audit diff can never leak a credential. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, withoutSecrets(v)]),
    );
  }
  return value;
}

/** Records who changed what, in the caller's transaction; `secretsChanged` names secrets without their values. */
export async function recordAudit(
  db: DbOrTx,
  e: {
    actor: Actor | null;
    action: `${string}.${string}`;
    resourceType: string;
    resourceId?: string;
    old?: unknown;
    new?: unknown;
    secretsChanged?: string[];
  },
): Promise<void> {
  await insertAuditEvent(db, {
    actorId: e.actor?.id ?? null,
    actorLabel: e.actor ? `${e.actor.email} (${e.actor.via})` : "system",
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    diff: {
      ...(e.old === undefined ? {} : { old: withoutSecrets(e.old) }),
      ...(e.new === undefined ? {} : { new: withoutSecrets(e.new) }),
      ...(e.secretsChanged?.length ? { secretsChanged: e.secretsChanged } : {}),
    },
  });
}
