import type { z } from "zod";
import { toLocalInput } from "@/lib/format";
import {
  AUTH,
  type AuthConfig,
  type AuthTypeName,
  INTEGRATION_DEFAULTS,
  SECRET_NAMES,
  type SecretName,
} from "@/lib/integrations/model";
import type { createIntegrationSchema, IntegrationOutput } from "@/lib/integrations/schemas";

export { toLocalInput } from "@/lib/format";

/** What the create route accepts; the form turns its values into this and validates it with the shared schema. */
export type ApiInput = z.input<typeof createIntegrationSchema>;

export type HeaderRow = { name: string; value: string };
/** A secret header: a stored one shows only its name (its value can be replaced or the header removed). */
export type SecretHeaderRow = { name: string; value: string; isStored: boolean; isRemoved: boolean };

/**
 * The form's values. Field names are the API's, so a validation issue's path (from the shared schema in the
 * browser or a 400 from the server) lands on the field as it is; only the shapes differ where the UI needs it:
 * text instead of null, header rows instead of a record, the send-from time as a local date-time input.
 */
export type SettingsFormValues = {
  name: string;
  endpointUrl: string;
  testUrl: string;
  authType: AuthTypeName;
  authConfig: Required<Omit<AuthConfig, "useClientCert" | "clientAuthMethod">> &
    Required<Pick<AuthConfig, "clientAuthMethod">> & { useClientCert: boolean };
  /** Write-only: "" or absent leaves a secret as it is, a value replaces it, null removes it. */
  secrets: Partial<Record<SecretName, string | null>>;
  caBundlePem: string;
  successCodes: string;
  timeoutMs: number;
  customHeaders: HeaderRow[];
  secretHeaders: SecretHeaderRow[];
  scheduleCron: string;
  scheduleTimeZone: string;
  retrySchedule: number[];
  failureThreshold: number;
  concurrency: number;
  syncOnCompletion: boolean;
  syncDebounceSeconds: number;
  resendOnUpdate: boolean;
  notificationEmails: string[];
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone; empty on a new integration means "from now on". */
  sendFrom: string;
};

/** The stored settings the form starts from (an integration as the API returns it, or the schema's defaults). */
export type SettingsSource = Pick<
  IntegrationOutput,
  | "name"
  | "endpointUrl"
  | "authType"
  | "authConfig"
  | "successCodes"
  | "timeoutMs"
  | "customHeaders"
  | "scheduleCron"
  | "scheduleTimeZone"
  | "retrySchedule"
  | "failureThreshold"
  | "concurrency"
  | "syncOnCompletion"
  | "syncDebounceSeconds"
  | "resendOnUpdate"
  | "notificationEmails"
> & {
  testUrl?: string | null;
  caBundlePem?: string | null;
  sendFrom?: Date | string | null;
  secretHeaders?: IntegrationOutput["secretHeaders"];
};

export function toFormValues(source: SettingsSource): SettingsFormValues {
  const a = source.authConfig;
  return {
    name: source.name,
    endpointUrl: source.endpointUrl,
    testUrl: source.testUrl ?? "",
    authType: source.authType,
    authConfig: {
      headerName: a.headerName ?? INTEGRATION_DEFAULTS.apiKeyHeaderName,
      username: a.username ?? "",
      loginUrl: a.loginUrl ?? "",
      usernameField: a.usernameField ?? "",
      passwordField: a.passwordField ?? "",
      tokenUrl: a.tokenUrl ?? "",
      clientId: a.clientId ?? "",
      scope: a.scope ?? "",
      clientAuthMethod: a.clientAuthMethod ?? INTEGRATION_DEFAULTS.oauth2ClientAuthMethod,
      useClientCert: a.useClientCert === true,
    },
    // Every secret input starts empty (a registered input reads "" from the page, which must not count as a change).
    secrets: Object.fromEntries(SECRET_NAMES.map((n) => [n, ""])),
    caBundlePem: source.caBundlePem ?? "",
    successCodes: source.successCodes,
    timeoutMs: source.timeoutMs,
    customHeaders: Object.entries(source.customHeaders).map(([name, value]) => ({ name, value })),
    secretHeaders: Object.keys(source.secretHeaders ?? {}).map((name) => ({
      name,
      value: "",
      isStored: true,
      isRemoved: false,
    })),
    scheduleCron: source.scheduleCron,
    scheduleTimeZone: source.scheduleTimeZone,
    retrySchedule: [...source.retrySchedule],
    failureThreshold: source.failureThreshold,
    concurrency: source.concurrency,
    syncOnCompletion: source.syncOnCompletion,
    syncDebounceSeconds: source.syncDebounceSeconds,
    resendOnUpdate: source.resendOnUpdate,
    notificationEmails: [...source.notificationEmails],
    sendFrom: source.sendFrom ? toLocalInput(source.sendFrom) : "",
  };
}

function pickAuthConfig(values: SettingsFormValues): AuthConfig {
  const out: Record<string, string | boolean> = {};
  for (const key of AUTH[values.authType].settings) {
    const value = values.authConfig[key];
    if (typeof value === "boolean") {
      if (value) out[key] = true;
    } else if (value.trim() !== "") out[key] = value.trim();
  }
  return out as AuthConfig;
}

function pickSecrets(values: SettingsFormValues): ApiInput["secrets"] {
  const entries = SECRET_NAMES.flatMap((name) => {
    const value = values.secrets[name];
    return value === undefined || value === "" ? [] : [[name, value] as const];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The write-only changes to the secret headers: a typed value sets one, a removed stored one becomes null. */
function pickSecretHeaders(values: SettingsFormValues): ApiInput["secretHeaders"] {
  const entries = values.secretHeaders.flatMap((row): [string, string | null][] => {
    const name = row.name.trim();
    if (row.isStored && row.isRemoved) return [[name, null]];
    return name !== "" && row.value !== "" ? [[name, row.value]] : [];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

const blankToNull = (text: string) => (text.trim() === "" ? null : text.trim());

/** The form's values as the API's input; empty optional fields become null or are left out. */
export function toApiInput(values: SettingsFormValues): ApiInput {
  const headers = values.customHeaders.filter((h) => h.name.trim() !== "" || h.value !== "");
  const sendFrom = values.sendFrom ? new Date(values.sendFrom) : undefined;
  return {
    name: values.name,
    endpointUrl: values.endpointUrl,
    testUrl: blankToNull(values.testUrl),
    authType: values.authType,
    authConfig: pickAuthConfig(values),
    caBundlePem: blankToNull(values.caBundlePem),
    successCodes: values.successCodes,
    timeoutMs: values.timeoutMs,
    customHeaders: Object.fromEntries(headers.map((h) => [h.name.trim(), h.value])),
    scheduleCron: values.scheduleCron,
    scheduleTimeZone: values.scheduleTimeZone,
    retrySchedule: values.retrySchedule,
    failureThreshold: values.failureThreshold,
    concurrency: values.concurrency,
    syncOnCompletion: values.syncOnCompletion,
    syncDebounceSeconds: values.syncDebounceSeconds,
    resendOnUpdate: values.resendOnUpdate,
    notificationEmails: values.notificationEmails.map((e) => e.trim()).filter((e) => e !== ""),
    ...(sendFrom
      ? { sendFrom: Number.isNaN(sendFrom.getTime()) ? values.sendFrom : sendFrom.toISOString() }
      : {}),
    ...(pickSecrets(values) ? { secrets: pickSecrets(values) } : {}),
    ...(pickSecretHeaders(values) ? { secretHeaders: pickSecretHeaders(values) } : {}),
  };
}

/** Which fields the admin changed: react-hook-form's dirty fields (a nested object of `true` leaves). */
export type DirtyFields = Partial<Record<keyof SettingsFormValues, unknown>>;

function isDirty(mark: unknown): boolean {
  if (mark === true) return true;
  if (Array.isArray(mark)) return mark.some(isDirty);
  if (mark && typeof mark === "object") return Object.values(mark).some(isDirty);
  return false;
}

/**
 * The PATCH body for an edit: only the settings the admin changed. An auth type goes with its settings (which
 * belong to the type); secrets only when one was typed or removed.
 */
export function dirtyInput(input: ApiInput, dirty: DirtyFields): Partial<ApiInput> {
  const keys = (Object.keys(dirty) as (keyof ApiInput)[]).filter(
    (k) => k !== "secrets" && k !== "secretHeaders" && k in input && isDirty(dirty[k as keyof DirtyFields]),
  );
  if (keys.includes("authType") && !keys.includes("authConfig")) keys.push("authConfig");
  const out: Partial<Record<keyof ApiInput, unknown>> = Object.fromEntries(keys.map((k) => [k, input[k]]));
  if (input.secrets) out.secrets = input.secrets;
  if (input.secretHeaders) out.secretHeaders = input.secretHeaders;
  return out as Partial<ApiInput>;
}

const FORM_KEYS: ReadonlySet<string> = new Set([
  "name",
  "endpointUrl",
  "testUrl",
  "authType",
  "authConfig",
  "secrets",
  "caBundlePem",
  "successCodes",
  "timeoutMs",
  "customHeaders",
  "secretHeaders",
  "scheduleCron",
  "scheduleTimeZone",
  "retrySchedule",
  "failureThreshold",
  "concurrency",
  "syncOnCompletion",
  "syncDebounceSeconds",
  "resendOnUpdate",
  "notificationEmails",
  "sendFrom",
] satisfies (keyof SettingsFormValues)[]);

/** Whether an issue path (`authConfig.username`, `customHeaders.X-Tenant`, `mapping.0`) names a field of the form. */
export function isFormPath(path: string): boolean {
  const top = path.split(".")[0] ?? "";
  return FORM_KEYS.has(top);
}

/** A new integration's starting values: the model's defaults, with the browser's time zone when known. */
export function newIntegrationValues(
  timeZone: string = INTEGRATION_DEFAULTS.scheduleTimeZone,
): SettingsFormValues {
  const d = INTEGRATION_DEFAULTS;
  return toFormValues({
    name: "",
    endpointUrl: "",
    authType: "api_key",
    authConfig: {},
    successCodes: d.successCodes,
    timeoutMs: d.timeoutMs,
    customHeaders: {},
    scheduleCron: d.scheduleCron,
    scheduleTimeZone: timeZone,
    retrySchedule: [...d.retrySchedule],
    failureThreshold: d.failureThreshold,
    concurrency: d.concurrency,
    syncOnCompletion: d.syncOnCompletion,
    syncDebounceSeconds: d.syncDebounceSeconds,
    resendOnUpdate: d.resendOnUpdate,
    notificationEmails: [],
    sendFrom: null,
  });
}
