import "server-only";
import type { ClientCertInfo, Integration } from "@/db/schema";
import { contractProblems } from "@/lib/contract/save-check";
import { checkUrlForSave, readCertificate } from "@/lib/delivery";
import { certificateInputFromSecrets } from "@/lib/delivery/certificate";
import { getSettings } from "@/lib/settings";
import { SECRET_HEADER_PREFIX } from "./field-schemas";
import { CERT_SECRET_NAMES, INTEGRATION_DEFAULTS, type SecretName, usesClientCert } from "./model";
import { type RuleProblem, saveRuleProblems } from "./save-rules";

export type { RuleProblem } from "./save-rules";

import type { CreateIntegrationInput, UpdateIntegrationInput } from "./schemas";
import { decryptSecrets } from "./secrets";

export type SaveCheck =
  | { ok: true; clientCertInfo: ClientCertInfo | null | undefined }
  | { ok: false; problems: RuleProblem[] };

/**
 * Every rule a save must pass, on the integration as the save would leave it (`existing` with `input` applied):
 * the shared rules of save-rules.ts, production's URL policy on every URL setting, and a client certificate that
 * opens (wrong passphrase, key missing), whose subject, issuer and validity are returned for storing.
 * `clientCertInfo` undefined: unchanged.
 */
export function checkSave(
  input: CreateIntegrationInput | UpdateIntegrationInput,
  existing?: Integration,
): SaveCheck {
  const authType = input.authType ?? existing?.authType ?? "none";
  const authConfig = input.authConfig ?? existing?.authConfig ?? {};
  const problems = saveRuleProblems({
    authType,
    authConfig,
    storedSecrets: Object.keys(existing?.secrets ?? {}),
    secrets: input.secrets,
    scheduleCron: input.scheduleCron ?? existing?.scheduleCron ?? INTEGRATION_DEFAULTS.scheduleCron,
    scheduleTimeZone:
      input.scheduleTimeZone ?? existing?.scheduleTimeZone ?? INTEGRATION_DEFAULTS.scheduleTimeZone,
    mapping: "mapping" in input ? input.mapping : undefined,
    customHeaderNames: Object.keys(input.customHeaders ?? existing?.customHeaders ?? {}),
    secretHeaderNames: secretHeaderNamesAfter(existing, input.secretHeaders),
    isProduction: getSettings().isProduction,
  });
  const urls: [string, string | null | undefined][] = [
    ["endpointUrl", input.endpointUrl],
    ["testUrl", input.testUrl],
    ["authConfig.loginUrl", input.authConfig?.loginUrl],
    ["authConfig.tokenUrl", input.authConfig?.tokenUrl],
  ];
  for (const [path, url] of urls) {
    if (!url) continue;
    const check = checkUrlForSave(url);
    if (!check.ok) problems.push({ path, message: check.message });
  }
  problems.push(...contractProblems(input, existing));
  const cert = checkCertificate(input, existing, usesClientCert(authType, authConfig));
  if (!cert.ok) problems.push(cert.problem);
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, clientCertInfo: cert.ok ? cert.info : undefined };
}

/** The secret headers' names once the save's changes (a value sets, null removes) are applied. */
function secretHeaderNamesAfter(
  existing: Integration | undefined,
  changes: Record<string, string | null> | undefined,
): string[] {
  const names = new Map(
    Object.keys(existing?.secrets ?? {})
      .filter((k) => k.startsWith(SECRET_HEADER_PREFIX))
      .map((k) => k.slice(SECRET_HEADER_PREFIX.length))
      .map((n) => [n.toLowerCase(), n]),
  );
  for (const [name, value] of Object.entries(changes ?? {})) {
    if (value === null) names.delete(name.toLowerCase());
    else names.set(name.toLowerCase(), name);
  }
  return [...names.values()];
}

function checkCertificate(
  input: CreateIntegrationInput | UpdateIntegrationInput,
  existing: Integration | undefined,
  isRequired: boolean,
): { ok: true; info: ClientCertInfo | null | undefined } | { ok: false; problem: RuleProblem } {
  const changes = input.secrets ?? {};
  const isChanged = CERT_SECRET_NAMES.some((n) => changes[n] !== undefined);
  if (!isChanged && !(isRequired && !existing?.clientCertInfo)) return { ok: true, info: undefined };
  const stored = existing ? decryptSecrets(existing.secrets) : { ok: true as const, secrets: {} };
  const merged: Partial<Record<SecretName, string>> = stored.ok ? { ...stored.secrets } : {};
  for (const n of CERT_SECRET_NAMES) {
    const v = changes[n];
    if (v === null) delete merged[n];
    else if (v !== undefined) merged[n] = v;
  }
  const hasCert = Boolean(merged.clientCertPfx || merged.clientCertPem);
  // A missing certificate is the shared rules' problem (save-rules.ts); here only one that is there must open.
  if (!hasCert) return { ok: true, info: null };
  const read = readCertificate(certificateInputFromSecrets(merged));
  if (!read.ok)
    return {
      ok: false,
      problem: {
        path: merged.clientCertPfx ? "secrets.clientCertPfx" : "secrets.clientCertPem",
        message: read.error,
      },
    };
  return {
    ok: true,
    info: { subject: read.subject, issuer: read.issuer, validFrom: read.validFrom, validTo: read.validTo },
  };
}
