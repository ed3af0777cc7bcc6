import "server-only";
import type { Db } from "@/db/client";
import type { Integration } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings";
import { createIntegration } from "./create-integration";
import { SECRET_HEADER_PREFIX } from "./field-schemas";
import { checkSave, type RuleProblem } from "./rules";
import { changeSigning, signingStatus } from "./signing";
import {
  DOCUMENT_FORMAT,
  DOCUMENT_FORMAT_VERSION,
  DOCUMENT_SETTING_KEYS,
  type IntegrationDocument,
  type IntegrationDocumentInput,
  type importIntegrationSchema,
  importNeeds,
} from "./transfer-schemas";

type ImportInput = ReturnType<typeof importIntegrationSchema.parse>;

/** The integration as a file: its settings and mapping, the names of its secret headers, no secret. Audited. */
export async function exportIntegration(
  db: Db,
  row: Integration,
  actor: Actor,
  now = new Date(),
): Promise<IntegrationDocumentInput> {
  const settings = Object.fromEntries(
    DOCUMENT_SETTING_KEYS.map((k) => [k, (row as Record<string, unknown>)[k]]),
  ) as IntegrationDocumentInput["integration"];
  const secretHeaders = Object.keys(row.secrets)
    .filter((k) => k.startsWith(SECRET_HEADER_PREFIX))
    .map((k) => k.slice(SECRET_HEADER_PREFIX.length));
  const document = {
    format: DOCUMENT_FORMAT,
    formatVersion: DOCUMENT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    exportedFrom: getSettings().appUrl,
    integration: settings,
    secretHeaders,
    signing: signingStatus(row, now).enabled,
  } as const;
  await recordAudit(db, {
    actor,
    action: "integration.export",
    resourceType: "integration",
    resourceId: row.id,
  });
  return { ...document, needs: importNeeds({ integration: settings as never, secretHeaders }) };
}

export type ImportResult =
  | { ok: true; integration: Integration; signingSecret: string | null }
  | { ok: false; problems: RuleProblem[] };

/**
 * A new integration from an exported file and the secrets it needs: every rule a save checks (the auth type's
 * secret, a client certificate that opens, the URL policy, the cron, the mapping) and each secret header the file
 * names, all before anything is stored. Problems name their place in the request body. Audited as an import.
 */
export async function importIntegration(db: Db, input: ImportInput, actor: Actor): Promise<ImportResult> {
  const { document } = input;
  const create = {
    ...document.integration,
    ...(input.name ? { name: input.name } : {}),
    secrets: input.secrets,
    secretHeaders: input.secretHeaders,
  };
  const problems = missingSecretHeaders(document, input.secretHeaders ?? {});
  const check = checkSave(create);
  if (!check.ok) problems.push(...check.problems.map(placeInRequest));
  if (problems.length > 0 || !check.ok) return { ok: false, problems };
  const row = await createIntegration(db, create, actor, check.clientCertInfo ?? null, {
    action: "integration.import",
    note: { exportedAt: document.exportedAt ?? null, exportedFrom: document.exportedFrom ?? null },
  });
  if (!document.signing) return { ok: true, integration: row, signingSecret: null };
  const signed = await changeSigning(db, row.id, "enable", actor);
  if (!signed.ok) throw new Error(`signing could not be turned on: ${signed.reason}`);
  return { ok: true, integration: row, signingSecret: signed.signingSecret ?? null };
}

function missingSecretHeaders(
  document: IntegrationDocument,
  given: Record<string, string | null>,
): RuleProblem[] {
  return document.secretHeaders
    .filter((name) => !given[name])
    .map((name) => ({
      path: `secretHeaders.${name}`,
      message: `Enter the value of the secret header ${name} (the file names it but cannot carry its value)`,
    }));
}

// A settings problem lies in the file; a secret's in the request beside it.
const placeInRequest = (p: RuleProblem): RuleProblem =>
  /^secret(s|Headers)\./.test(p.path) ? p : { ...p, path: `document.integration.${p.path}` };
