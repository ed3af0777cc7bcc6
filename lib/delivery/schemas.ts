import { z } from "zod";
// The data model owns the list of auth types it can store; the delivery code validates against the same list.
import { AUTH_TYPES } from "../../db/schema/integrations";
import { parseSuccessCodes } from "./success-codes";

/** Headers the delivery code sets itself; a custom header may not replace them. */
export const RESERVED_HEADERS = [
  "content-type",
  "content-length",
  "transfer-encoding",
  "connection",
  "host",
  "user-agent",
  "idempotency-key",
  "authorization",
] as const;

export const authTypeSchema = z.enum(AUTH_TYPES);

// RFC 9110 token characters; undici throws on anything else, so the form must catch it first.
export const headerNameSchema = z
  .string()
  .regex(
    /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/,
    "Header names may only contain letters, digits and - _ . ! # $ % & ' * + ^ ` | ~",
  );
// CR/LF would let a value smuggle extra headers.
const headerValueSchema = z.string().regex(/^[^\r\n\0]*$/, "Header values cannot contain line breaks");

export const httpUrlSchema = z
  .string()
  .trim()
  .url("Enter a full URL, such as https://hr.example.com/api/completions")
  .refine((u) => /^https?:\/\//i.test(u), "The URL must start with https:// (or http:// outside production)");

export const customHeadersSchema = z
  .record(headerNameSchema, headerValueSchema)
  .superRefine((headers, ctx) => {
    for (const name of Object.keys(headers)) {
      if ((RESERVED_HEADERS as readonly string[]).includes(name.toLowerCase())) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `${name} is set by LMS Sync itself and cannot be a custom header`,
        });
      }
    }
  });

export const authConfigSchema = z.object({
  headerName: headerNameSchema.optional(),
  username: z.string().optional(),
  loginUrl: httpUrlSchema.optional(),
  usernameField: z.string().min(1).optional(),
  passwordField: z.string().min(1).optional(),
  tokenUrl: httpUrlSchema.optional(),
  clientId: z.string().optional(),
  scope: z.string().optional(),
  clientAuthMethod: z.enum(["client_secret_basic", "client_secret_post"]).optional(),
  useClientCert: z.boolean().optional(),
});

export const secretsSchema = z.object({
  apiKey: z.string().optional(),
  token: z.string().optional(),
  password: z.string().optional(),
  clientSecret: z.string().optional(),
  clientCertPfx: z.string().optional(),
  clientCertPassphrase: z.string().optional(),
  clientCertPem: z.string().optional(),
  clientKeyPem: z.string().optional(),
});

export const successCodesSchema = z
  .string()
  .nullable()
  .optional()
  .superRefine((spec, ctx) => {
    const parsed = parseSuccessCodes(spec);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
  });

export const timeoutMsSchema = z
  .number()
  .int()
  .min(1000, "The timeout must be at least 1 second")
  .max(120_000, "The timeout can be at most 120 seconds");

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
  successCodes: successCodesSchema,
  timeoutMs: timeoutMsSchema.optional(),
  customHeaders: customHeadersSchema.optional(),
});

/** What each auth type needs in its non-secret settings; the form and the sender share this list. */
export function missingAuthSettings(
  authType: z.infer<typeof authTypeSchema>,
  auth: z.infer<typeof authConfigSchema>,
) {
  const missing: { field: keyof z.infer<typeof authConfigSchema>; label: string }[] = [];
  const need = (field: keyof z.infer<typeof authConfigSchema>, label: string) => {
    const value = auth[field];
    if (typeof value !== "string" || value.trim() === "") missing.push({ field, label });
  };
  switch (authType) {
    case "basic":
      need("username", "username");
      break;
    case "bearer_login":
      need("loginUrl", "login URL");
      need("username", "username");
      break;
    case "oauth2":
      need("tokenUrl", "token URL");
      need("clientId", "client ID");
      break;
    case "api_key":
    case "bearer":
    case "client_cert":
    case "none":
      break;
    default: {
      const unreachable: never = authType;
      throw new Error(`unknown auth type ${String(unreachable)}`);
    }
  }
  return missing;
}

/** The settings form's schema for the non-secret auth part: required fields per type. */
export const authSettingsSchema = z
  .object({ authType: authTypeSchema, auth: authConfigSchema })
  .superRefine((value, ctx) => {
    for (const m of missingAuthSettings(value.authType, value.auth)) {
      ctx.addIssue({ code: "custom", path: ["auth", m.field], message: `Enter the ${m.label}` });
    }
  });
