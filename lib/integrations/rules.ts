import "server-only";
import type { ClientCertInfo, Integration } from "@/db/schema";
import { checkUrlAllowed, readCertificate } from "@/lib/delivery";
import { certificateInputFromSecrets } from "@/lib/delivery/certificate";
import { missingAuthSettings } from "@/lib/delivery/schemas";
import { validateMapping } from "@/lib/mapping";
import { getSettings } from "@/lib/settings";
import { missingAuthSecret, usesClientCert } from "./auth-fields";
import type { CreateIntegrationInput, SecretName, UpdateIntegrationInput } from "./schemas";
import { decryptSecrets } from "./secrets";

export type RuleProblem = { path: string; message: string };
export type SaveCheck =
  | { ok: true; clientCertInfo: ClientCertInfo | null | undefined }
  | { ok: false; problems: RuleProblem[] };

const CERT_SECRETS: SecretName[] = ["clientCertPfx", "clientCertPassphrase", "clientCertPem", "clientKeyPem"];

/**
 * Rules beyond the input's shape, checked at save: production's URL rules, no "none" auth in production, the auth
 * type's required settings and secret, a mapping that validates, and a client certificate that opens (wrong
 * passphrase, key missing) — whose subject, issuer and validity are returned for storing. `clientCertInfo`
 * undefined: unchanged.
 */
export function checkSave(
  input: CreateIntegrationInput | UpdateIntegrationInput,
  existing?: Integration,
): SaveCheck {
  const problems: RuleProblem[] = [];
  for (const key of ["endpointUrl", "testUrl"] as const) {
    const url = input[key];
    if (!url) continue;
    const check = checkUrlAllowed(url);
    if (!check.ok) problems.push({ path: key, message: check.message });
  }
  const authType = input.authType ?? existing?.authType;
  const authConfig = input.authConfig ?? existing?.authConfig ?? {};
  if (authType === "none" && getSettings().isProduction) {
    problems.push({
      path: "authType",
      message: "No authentication is for test setups only; choose how LMS Sync signs in",
    });
  }
  if (authType) {
    for (const m of missingAuthSettings(authType, authConfig)) {
      problems.push({ path: `authConfig.${m.field}`, message: `Enter the ${m.label}` });
    }
    const secret = missingAuthSecret(authType, Object.keys(existing?.secrets ?? {}), input.secrets);
    if (secret) problems.push(secret);
  }
  if ("mapping" in input && input.mapping) {
    for (const e of validateMapping(input.mapping).errors) {
      problems.push({ path: e.index === null ? "mapping" : `mapping.${e.index}`, message: e.message });
    }
  }
  const cert = checkCertificate(
    input,
    existing,
    authType !== undefined && usesClientCert(authType, authConfig),
  );
  if (!cert.ok) problems.push(cert.problem);
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, clientCertInfo: cert.ok ? cert.info : undefined };
}

function checkCertificate(
  input: CreateIntegrationInput | UpdateIntegrationInput,
  existing: Integration | undefined,
  isRequired: boolean,
): { ok: true; info: ClientCertInfo | null | undefined } | { ok: false; problem: RuleProblem } {
  const changes = input.secrets ?? {};
  const isChanged = CERT_SECRETS.some((n) => changes[n] !== undefined);
  if (!isChanged && !(isRequired && !existing?.clientCertInfo)) return { ok: true, info: undefined };
  const stored = existing ? decryptSecrets(existing.secrets) : { ok: true as const, secrets: {} };
  const merged: Partial<Record<SecretName, string>> = stored.ok ? { ...stored.secrets } : {};
  for (const n of CERT_SECRETS) {
    const v = changes[n];
    if (v === null) delete merged[n];
    else if (v !== undefined) merged[n] = v;
  }
  const hasCert = Boolean(merged.clientCertPfx || merged.clientCertPem);
  if (!hasCert) {
    return isRequired
      ? {
          ok: false,
          problem: {
            path: "secrets.clientCertPfx",
            message:
              "Upload the client certificate (.pfx/.p12 with its passphrase, or PEM certificate and key)",
          },
        }
      : { ok: true, info: null };
  }
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
