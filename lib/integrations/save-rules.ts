// The rules a save must pass beyond each field's shape, as a pure function: the settings form runs it in the
// browser and the API runs it again (with the server-only checks in rules.ts) before anything is stored.

import { type MappingEntry, validateMapping } from "../mapping";
import { checkCron } from "../schedule/cron";
import {
  AUTH,
  type AuthConfig,
  type AuthTypeName,
  CERT_FILE_NAMES,
  missingAuthSettings,
  type SecretName,
  usesClientCert,
} from "./auth-types";

export type RuleProblem = { path: string; message: string };

/** The integration as it will be after the save: stored values with the change applied. */
export type SaveRuleInput = {
  authType: AuthTypeName;
  authConfig: AuthConfig;
  /** Names of the secrets already stored. */
  storedSecrets: readonly string[];
  /** The write-only secret changes of this save: a value sets, null clears, absent keeps. */
  secrets?: Partial<Record<SecretName, string | null>>;
  scheduleCron: string;
  scheduleTimeZone: string;
  mapping?: readonly MappingEntry[];
  /** Header names after the save: the visible custom headers and the secret ones. */
  customHeaderNames?: readonly string[];
  secretHeaderNames?: readonly string[];
  isProduction: boolean;
};

export const CERTIFICATE_MISSING =
  "Upload the client certificate (.pfx/.p12 with its passphrase, or PEM certificate and key)";

/** Whether a secret is set after the save: changed to a value, or stored and not cleared. */
function isSecretSet(name: SecretName, input: SaveRuleInput): boolean {
  const change = input.secrets?.[name];
  return change === undefined ? input.storedSecrets.includes(name) : change !== null && change !== "";
}

/**
 * Problems with the integration as the save would leave it: a test-only auth type in production, the auth type's
 * required settings and secret, a client certificate when one is presented, a cron that does not run in its time
 * zone, a mapping that does not validate. Each problem names the field it belongs to.
 */
export function saveRuleProblems(input: SaveRuleInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const auth = AUTH[input.authType];
  if (auth.isTestOnly && input.isProduction) {
    problems.push({
      path: "authType",
      message: "No authentication is for test setups only; choose how LMS Sync signs in",
    });
  }
  for (const m of missingAuthSettings(input.authType, input.authConfig)) {
    problems.push({ path: `authConfig.${m.field}`, message: `Enter the ${m.label}` });
  }
  if (auth.secret && !isSecretSet(auth.secret.name, input)) {
    problems.push({ path: `secrets.${auth.secret.name}`, message: `Enter the ${auth.secret.label}` });
  }
  const hasCertificate = CERT_FILE_NAMES.some((n) => isSecretSet(n, input));
  if (usesClientCert(input.authType, input.authConfig) && !hasCertificate) {
    problems.push({ path: "secrets.clientCertPfx", message: CERTIFICATE_MISSING });
  }
  const cron = checkCron(input.scheduleCron, input.scheduleTimeZone);
  if (!cron.ok) problems.push({ path: "scheduleCron", message: cron.error });
  const visible = new Set((input.customHeaderNames ?? []).map((n) => n.toLowerCase()));
  for (const name of input.secretHeaderNames ?? []) {
    if (visible.has(name.toLowerCase())) {
      problems.push({
        path: `secretHeaders.${name}`,
        message: `${name} is also a visible custom header; keep it in one list`,
      });
    }
  }
  for (const e of input.mapping ? validateMapping(input.mapping).errors : []) {
    problems.push({ path: e.index === null ? "mapping" : `mapping.${e.index}`, message: e.message });
  }
  return problems;
}
