import { z } from "zod";
import { INTEGRATION_STATUSES } from "@/db/schema/integrations";
import {
  authConfigSchema,
  authTypeSchema,
  customHeadersSchema,
  httpUrlSchema,
  successCodesSchema,
  timeoutMsSchema,
} from "@/lib/delivery/schemas";
import { mappingSchema } from "@/lib/mapping";
import { checkCron, isValidTimeZone } from "@/lib/schedule/cron";

/** Names of the write-only secrets an integration can hold. */
export const SECRET_NAMES = [
  "apiKey",
  "token",
  "password",
  "clientSecret",
  "clientCertPfx",
  "clientCertPassphrase",
  "clientCertPem",
  "clientKeyPem",
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

const settingsFields = {
  name: z.string().trim().min(1, "Give the integration a name").max(120),
  endpointUrl: httpUrlSchema,
  testUrl: httpUrlSchema.nullable().optional(),
  authType: authTypeSchema,
  authConfig: authConfigSchema.strict().default({}),
  caBundlePem: z.string().max(200_000).nullable().optional(),
  successCodes: successCodesSchema.transform((v) => v?.trim() || "2xx"),
  timeoutMs: timeoutMsSchema.default(30_000),
  customHeaders: customHeadersSchema.default({}),
  scheduleCron: z.string().trim().default("0 2 * * *"),
  scheduleTimeZone: z.string().refine(isValidTimeZone, "Unknown time zone").default("UTC"),
  retrySchedule: z
    .array(
      z
        .number()
        .int()
        .min(1, "At least 1 second")
        .max(86_400 * 7),
    )
    .max(10, "At most 10 retries")
    .default([60, 300, 1800]),
  failureThreshold: z.number().int().min(1).max(1000).default(10),
  concurrency: z.number().int().min(1).max(32, "At most 32 requests at once").default(4),
  notificationEmails: z.array(z.string().trim().email("Not an e-mail address")).max(50).default([]),
  sendFrom: z.coerce.date().optional(),
};

function cronRefinement(value: { scheduleCron?: string; scheduleTimeZone?: string }, ctx: z.RefinementCtx) {
  if (value.scheduleCron === undefined) return;
  const check = checkCron(value.scheduleCron, value.scheduleTimeZone ?? "UTC");
  if (!check.ok) ctx.addIssue({ code: "custom", path: ["scheduleCron"], message: check.error });
}

/** Secrets are write-only: a value sets it, null clears it, absent leaves it as it is. */
export const secretsInputSchema = z
  .object(
    Object.fromEntries(SECRET_NAMES.map((n) => [n, z.string().min(1).max(200_000).nullable().optional()])),
  )
  .partial()
  .strict() as z.ZodType<Partial<Record<SecretName, string | null>>>;

export const createIntegrationSchema = z
  .object({ ...settingsFields, secrets: secretsInputSchema.optional(), mapping: mappingSchema.optional() })
  .superRefine(cronRefinement);
export type CreateIntegrationInput = z.infer<typeof createIntegrationSchema>;

export const updateIntegrationSchema = z
  .object(
    Object.fromEntries(Object.entries(settingsFields).map(([k, v]) => [k, (v as z.ZodType).optional()])) as {
      [K in keyof typeof settingsFields]: z.ZodOptional<(typeof settingsFields)[K]>;
    },
  )
  .extend({ secrets: secretsInputSchema.optional() })
  .superRefine(cronRefinement);
export type UpdateIntegrationInput = z.infer<typeof updateIntegrationSchema>;

/** What the API returns for an integration: never a secret, only whether each is set and when it changed. */
/** GET /api/integrations: `tz` is the viewer's time zone, whose calendar days the 30-day chart counts in. */
export const listIntegrationsQuerySchema = z.object({
  tz: z
    .string()
    .refine(isValidTimeZone, "Unknown time zone: send an IANA name such as Europe/Copenhagen")
    .default("UTC"),
});

export const integrationOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(INTEGRATION_STATUSES),
  endpointUrl: z.string(),
  testUrl: z.string().nullable(),
  authType: authTypeSchema,
  authConfig: authConfigSchema,
  secrets: z.record(z.string(), z.object({ set: z.literal(true), changedAt: z.string() })),
  clientCertInfo: z
    .object({ subject: z.string(), issuer: z.string(), validFrom: z.string(), validTo: z.string() })
    .nullable(),
  caBundlePem: z.string().nullable(),
  successCodes: z.string(),
  timeoutMs: z.number(),
  customHeaders: z.record(z.string(), z.string()),
  scheduleCron: z.string(),
  scheduleTimeZone: z.string(),
  scheduleText: z.string(),
  retrySchedule: z.array(z.number()),
  failureThreshold: z.number(),
  consecutiveFailures: z.number(),
  concurrency: z.number(),
  disabledReason: z.string().nullable(),
  disabledAt: z.date().nullable(),
  notificationEmails: z.array(z.string()),
  mapping: mappingSchema,
  mappingVersion: z.number(),
  sendFrom: z.date(),
  lastRunAt: z.date().nullable(),
  lastSuccessAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type IntegrationOutput = z.infer<typeof integrationOutputSchema>;
