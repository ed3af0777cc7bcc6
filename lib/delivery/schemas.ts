import { z } from "zod";
import { authConfigSchema, authTypeSchema, SECRET_NAMES } from "../integrations/auth-types";
import {
  customHeadersSchema,
  httpUrlSchema,
  successCodeSpecSchema,
  timeoutMsSchema,
} from "../integrations/field-schemas";

/** Decrypted secrets for one attempt, by the model's secret names. */
export const secretsSchema = z.object(
  Object.fromEntries(SECRET_NAMES.map((n) => [n, z.string().optional()])) as Record<
    (typeof SECRET_NAMES)[number],
    z.ZodOptional<z.ZodString>
  >,
);

/** Everything one delivery attempt needs, with secrets already decrypted. */
export const connectionSettingsSchema = z.object({
  integrationId: z.string().min(1),
  version: z.string(),
  endpointUrl: httpUrlSchema,
  testUrl: httpUrlSchema.nullable().optional().or(z.literal("")),
  authType: authTypeSchema,
  auth: authConfigSchema,
  secrets: secretsSchema,
  caBundlePem: z.string().nullable().optional(),
  successCodes: successCodeSpecSchema.nullable().optional(),
  timeoutMs: timeoutMsSchema.optional(),
  customHeaders: customHeadersSchema.optional(),
  /** Decrypted values of the secret headers: sent like custom headers, masked like secrets. */
  secretHeaders: z.record(z.string(), z.string()).optional(),
  /** Outbound Standard Webhooks secrets (whsec_…), newest first; each signs until its overlap ends (null: no end). */
  signingKeys: z.array(z.object({ secret: z.string(), validUntilMs: z.number().nullable() })).optional(),
});
