// Inputs and output of the integrations API, shared by the routes and the settings form. Client-safe: zod only.
// Defaults apply on create only; an update schema has none, so a key left out of a PATCH keeps its stored value.

import { z } from "zod";
import { isoDateTime } from "../api/iso-date-time";
import { pointInTimeSchema } from "../api/point-in-time";
import { receiverSchemaSchema } from "../contract/model";
import { mappingSchema } from "../mapping/schemas";
import { canonicalTimeZone } from "../schedule/cron";
import { authConfigSchema, authTypeSchema, SECRET_NAMES, type SecretName } from "./auth-types";
import { certificateDetailsSchema } from "./certificate-schemas";
import {
  customHeadersSchema,
  httpUrlSchema,
  secretHeadersInputSchema,
  successCodeSpecSchema,
  timeoutMsSchema,
} from "./field-schemas";
import { INTEGRATION_DEFAULTS as D, INTEGRATION_LIMITS as L } from "./limits";
import { INTEGRATION_STATUSES } from "./model";

export { SECRET_NAMES, type SecretName } from "./auth-types";

// Stored as canonicalTimeZone names it: PostgreSQL does not know every alias Intl still resolves.
const timeZoneSchema = z.string().transform((zone, ctx) => {
  const canonical = canonicalTimeZone(zone);
  if (canonical) return canonical;
  ctx.addIssue({ code: "custom", message: "Unknown time zone: use an IANA name such as Europe/Copenhagen" });
  return z.NEVER;
});

/** Every setting's schema, with no defaults; create adds the defaults, update makes each key optional. */
const settingsFields = {
  name: z
    .string()
    .trim()
    .min(1, "Give the integration a name")
    .max(L.nameLength)
    .describe("What admins call the integration"),
  endpointUrl: httpUrlSchema.describe("Where completions are POSTed (https:// in production)"),
  testUrl: httpUrlSchema
    .nullable()
    .describe("Where Test with user sends instead of the endpoint; null: the endpoint itself"),
  authType: authTypeSchema,
  authConfig: authConfigSchema.strict().describe(authConfigSchema.description ?? "Non-secret auth settings"),
  caBundlePem: z
    .string()
    .max(L.caBundleLength)
    .nullable()
    .describe("PEM certificates to trust besides the public roots (a private CA); null: public roots only"),
  // Blank or null means the default: any 2xx.
  successCodes: successCodeSpecSchema
    .nullable()
    .transform((v) => v?.trim() || D.successCodes)
    .describe("HTTP statuses that count as delivered, e.g. 2xx or 200-299,304; null or blank: 2xx"),
  timeoutMs: timeoutMsSchema,
  customHeaders: customHeadersSchema,
  scheduleCron: z
    .string()
    .trim()
    .describe("When scheduled runs start: five-field cron (minute hour day month weekday)"),
  scheduleTimeZone: timeZoneSchema.describe("The IANA time zone the cron is read in"),
  retrySchedule: z
    .array(
      z
        .number()
        .int()
        .min(L.retryDelaySeconds.min, "At least 1 second")
        .max(L.retryDelaySeconds.max, "At most 7 days"),
    )
    .max(L.retries, `At most ${L.retries} retries`)
    .describe("Seconds to wait before each retry of a failed delivery, in order"),
  failureThreshold: z
    .number()
    .int()
    .min(L.failureThreshold.min)
    .max(L.failureThreshold.max)
    .describe("Failed attempts in a row after which the integration is disabled and people are told"),
  concurrency: z
    .number()
    .int()
    .min(L.concurrency.min, "At least 1 request at once")
    .max(L.concurrency.max, `At most ${L.concurrency.max} requests at once`)
    .describe("How many requests a run sends in parallel"),
  syncOnCompletion: z
    .boolean()
    .describe(
      "Sync on completion: a new or changed completion starts a run within the debounce time, besides the schedule",
    ),
  syncDebounceSeconds: z
    .number()
    .int()
    .min(L.syncDebounceSeconds.min, "At least 1 second")
    .max(L.syncDebounceSeconds.max, "At most 300 seconds (5 minutes)")
    .describe(
      "Sync on completion waits this many seconds after the first new or changed completion, so a burst becomes one run (1-300)",
    ),
  resendOnUpdate: z
    .boolean()
    .describe(
      "Resend on update: a completion already sent is sent again when it changes (a better score, a new status); its revision is part of the Idempotency-Key (<key>.r<revision> from revision 2)",
    ),
  receiverSchema: receiverSchemaSchema
    .nullable()
    .describe(
      "The receiver's contract: the JSON Schema (draft-07, 2019-09 or 2020-12 by its $schema; draft-07 when it names none) each payload must satisfy, checked on save (a broken schema is a 400 at its place); null: none",
    ),
  validateBeforeSending: z
    .boolean()
    .describe(
      "Validate before sending: a run checks each payload against receiverSchema and does not send one that breaks it (logged as payload_breaks_schema, the delivery failed); needs a schema",
    ),
  notificationEmails: z
    .array(z.string().trim().email("Not an e-mail address"))
    .max(L.notificationEmails)
    .describe("Who is e-mailed when the integration fails or is disabled (when SMTP is set)"),
  sendFrom: pointInTimeSchema.describe(
    "Completions recorded from this time on are sent (ISO 8601); default: when it was created",
  ),
};

// What each secret is, for the API's description of it.
const SECRET_TEXT: Record<SecretName, string> = {
  apiKey: "api_key: the key",
  token: "bearer: the token",
  password: "basic, bearer_login: the password",
  clientSecret: "oauth2: the client secret",
  clientCertPfx: "Client certificate: the .pfx/.p12 file, base64-encoded",
  clientCertPassphrase: "Client certificate: the passphrase of the .pfx file or of the PEM key",
  clientCertPem: "Client certificate: the certificate as PEM text (with clientKeyPem)",
  clientKeyPem: "Client certificate: the private key as PEM text",
};

/** Secrets are write-only: a value sets it, null clears it, absent leaves it as it is. */
export const secretsInputSchema = z
  .object(
    Object.fromEntries(
      SECRET_NAMES.map((n) => [
        n,
        z
          .string()
          .min(1)
          .max(L.secretLength)
          .nullable()
          .optional()
          .describe(`${SECRET_TEXT[n]}. Write-only: a value sets it, null removes it`),
      ]),
    ),
  )
  .partial()
  .strict()
  .describe(
    "Write-only secrets: a value sets one, null removes it, absent keeps it. clientCertPfx is the .pfx/.p12 file in base64; clientCertPem and clientKeyPem are PEM text",
  ) as z.ZodType<Partial<Record<SecretName, string | null>>>;

/** The settings form validates the whole integration with this (no defaults: the form holds every value). */
export const integrationSettingsSchema = z.object({
  ...settingsFields,
  // The receiver's contract has its own card (the mapping page); the settings form leaves it as it is.
  receiverSchema: settingsFields.receiverSchema.optional(),
  validateBeforeSending: settingsFields.validateBeforeSending.optional(),
  secrets: secretsInputSchema.optional(),
  secretHeaders: secretHeadersInputSchema.optional(),
});

export const createIntegrationSchema = z
  .object({
    ...settingsFields,
    testUrl: settingsFields.testUrl.optional(),
    authConfig: settingsFields.authConfig.default({}),
    caBundlePem: settingsFields.caBundlePem.optional(),
    successCodes: settingsFields.successCodes.default(D.successCodes),
    timeoutMs: settingsFields.timeoutMs.default(D.timeoutMs),
    customHeaders: settingsFields.customHeaders.default({}),
    scheduleCron: settingsFields.scheduleCron.default(D.scheduleCron),
    scheduleTimeZone: settingsFields.scheduleTimeZone.default(D.scheduleTimeZone),
    retrySchedule: settingsFields.retrySchedule.default([...D.retrySchedule]),
    failureThreshold: settingsFields.failureThreshold.default(D.failureThreshold),
    concurrency: settingsFields.concurrency.default(D.concurrency),
    syncOnCompletion: settingsFields.syncOnCompletion.default(D.syncOnCompletion),
    syncDebounceSeconds: settingsFields.syncDebounceSeconds.default(D.syncDebounceSeconds),
    resendOnUpdate: settingsFields.resendOnUpdate.default(D.resendOnUpdate),
    receiverSchema: settingsFields.receiverSchema.optional(),
    validateBeforeSending: settingsFields.validateBeforeSending.default(D.validateBeforeSending),
    notificationEmails: settingsFields.notificationEmails.default([]),
    sendFrom: settingsFields.sendFrom.optional(),
    secrets: secretsInputSchema.optional(),
    secretHeaders: secretHeadersInputSchema.optional(),
    mapping: mappingSchema.optional().describe("The payload mapping; default: the standard mapping"),
  })
  .strict();
export type CreateIntegrationInput = z.infer<typeof createIntegrationSchema>;

/** A PATCH: only the keys it names change; null clears a nullable setting; `version` guards against a lost update. */
export const updateIntegrationSchema = z
  .object({
    ...settingsFields,
    secrets: secretsInputSchema,
    secretHeaders: secretHeadersInputSchema,
    version: z
      .number()
      .int()
      .min(1)
      // settings_version is a PostgreSQL integer.
      .max(2_147_483_647, "Not a settings version: send the version the integration was read with")
      .describe(
        "The settings version the change was made from (as read); a 409 names what changed since. Omit to change regardless",
      ),
  })
  .partial()
  .strict()
  .refine((input) => Object.keys(input).some((k) => k !== "version"), {
    message: "Nothing to change: send at least one setting",
  });
export type UpdateIntegrationInput = z.infer<typeof updateIntegrationSchema>;

/** GET /api/integrations: `tz` is the viewer's time zone, whose calendar days the 30-day chart counts in. */
export const listIntegrationsQuerySchema = z.object({
  tz: timeZoneSchema.default("UTC").describe("IANA time zone whose calendar days the 30-day chart counts"),
});

/** What the API returns for an integration: never a secret, only whether each is set and when it changed. */
// An output field means what the setting of the same name means.
const same = (key: keyof typeof settingsFields) => settingsFields[key].description ?? key;

/** Write-only values as the API shows them: only that each is set, and since when. */
const setMarks = (what: string) =>
  z.record(
    z.string(),
    z.object({
      set: z.literal(true).describe(`Always true: only set ${what} are listed`),
      changedAt: z.string().describe("When it was last set (ISO 8601)"),
    }),
  );

export const integrationOutputSchema = z.object({
  id: z.string().describe("The integration's id"),
  name: z.string().describe(same("name")),
  status: z
    .enum(INTEGRATION_STATUSES)
    .describe("active: runs on schedule; paused: by a person; auto_disabled: after too many failures"),
  endpointUrl: z.string().describe(same("endpointUrl")),
  testUrl: z.string().nullable().describe(same("testUrl")),
  authType: authTypeSchema,
  authConfig: authConfigSchema,
  secrets: setMarks("secrets").describe(
    "Which write-only secrets are set, by name; their values never leave the server",
  ),
  secretHeaders: setMarks("headers").describe(
    "Which secret headers are set, by header name; their values never leave the server",
  ),
  clientCertInfo: certificateDetailsSchema
    .omit({ fingerprint256: true })
    .nullable()
    .describe("The client certificate's public details; null when none is set"),
  caBundlePem: z.string().nullable().describe(same("caBundlePem")),
  successCodes: z.string().describe(same("successCodes")),
  timeoutMs: z.number().describe(same("timeoutMs")),
  customHeaders: z.record(z.string(), z.string()).describe(same("customHeaders")),
  scheduleCron: z.string().describe(same("scheduleCron")),
  scheduleTimeZone: z.string().describe(same("scheduleTimeZone")),
  scheduleText: z.string().describe("The schedule in words"),
  retrySchedule: z.array(z.number()).describe(same("retrySchedule")),
  failureThreshold: z.number().describe(same("failureThreshold")),
  consecutiveFailures: z.number().describe("Failed attempts in a row so far"),
  concurrency: z.number().describe(same("concurrency")),
  syncOnCompletion: z.boolean().describe(same("syncOnCompletion")),
  syncDebounceSeconds: z.number().describe(same("syncDebounceSeconds")),
  resendOnUpdate: z.boolean().describe(same("resendOnUpdate")),
  receiverSchema: z.record(z.string(), z.unknown()).nullable().describe(same("receiverSchema")),
  validateBeforeSending: z.boolean().describe(same("validateBeforeSending")),
  disabledReason: z
    .string()
    .nullable()
    .describe(
      "Why the system stopped it: auto_disabled after failures in a row, or paused on a 410 Gone; null otherwise",
    ),
  disabledAt: isoDateTime.nullable().describe("When the system stopped it; null otherwise"),
  notificationEmails: z.array(z.string()).describe(same("notificationEmails")),
  mapping: mappingSchema,
  mappingVersion: z
    .number()
    .describe("The mapping's version; send it as baseVersion when saving the mapping"),
  version: z.number().describe("The settings version; send it back with a PATCH"),
  sendFrom: isoDateTime.describe(same("sendFrom")),
  lastRunAt: isoDateTime.nullable().describe("When a sync last ran; null if never"),
  lastSuccessAt: isoDateTime.nullable().describe("When a delivery last succeeded; null if never"),
  createdAt: isoDateTime.describe("When it was created"),
  updatedAt: isoDateTime.describe("When it last changed"),
});
export type IntegrationOutput = z.output<typeof integrationOutputSchema>;
