import "server-only";
import type { Db } from "@/db/client";
import { insertIntegration, insertMappingVersion } from "@/db/queries/integrations";
import type { ClientCertInfo } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { STANDARD_MAPPING } from "@/lib/mapping";
import type { CreateIntegrationInput } from "./schemas";
import { applySecretChanges, storedSecretChanges } from "./secrets";

/**
 * Creates an integration with its first mapping version and an audit event, in one transaction; `audit` names an
 * import (with where the file came from) instead of a create.
 */
export async function createIntegration(
  db: Db,
  input: CreateIntegrationInput,
  actor: Actor | null,
  clientCertInfo: ClientCertInfo | null = null,
  audit: { action: `integration.${string}`; note?: Record<string, unknown> } = {
    action: "integration.create",
  },
) {
  const { secrets: secretInput, secretHeaders, mapping, ...settings } = input;
  const { secrets, changed } = applySecretChanges(
    {},
    storedSecretChanges({}, { secrets: secretInput, secretHeaders }),
  );
  const entries = mapping ?? [...STANDARD_MAPPING];
  return db.transaction(async (tx) => {
    const row = await insertIntegration(tx, {
      ...settings,
      secrets,
      clientCertInfo,
      mapping: entries,
      mappingVersion: 1,
      createdBy: actor?.id,
      updatedBy: actor?.id,
    });
    await insertMappingVersion(tx, { integrationId: row.id, version: 1, entries, savedBy: actor?.id });
    await recordAudit(tx, {
      actor,
      action: audit.action,
      resourceType: "integration",
      resourceId: row.id,
      new: audit.note ? { ...row, ...audit.note } : row,
      secretsChanged: changed,
    });
    return row;
  });
}
