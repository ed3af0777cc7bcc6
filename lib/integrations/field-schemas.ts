// Schemas of single integration settings (URLs, headers, success codes, timeout). Client-safe: zod only.

import { z } from "zod";
import { parseSuccessCodes } from "../delivery/success-codes";
import { INTEGRATION_LIMITS } from "./limits";

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

/** Headers by name, none of them one LMS Sync sets itself. */
function headerRecord<V extends z.ZodType>(value: V) {
  return z.record(headerNameSchema, value).superRefine((headers, ctx) => {
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
}

export const customHeadersSchema = headerRecord(headerValueSchema).describe(
  "Extra headers sent with every request, name to value; shown to everyone who can read the integration",
);

/** Secret headers are write-only, like the other secrets: a value sets one, null removes it, absent keeps it. */
export const secretHeadersInputSchema = headerRecord(
  headerValueSchema.min(1, "Enter the value").nullable(),
).describe(
  "Extra headers whose values are secret (a tenant key): stored encrypted, sent with every request, never shown again. A value sets one, null removes it, absent keeps it",
);

/** Where a secret header's value is kept among the integration's encrypted secrets. */
export const SECRET_HEADER_PREFIX = "header:";

/** A success-code spec such as `2xx`, `200-299,304`; checked by the same parser the sender uses. */
export const successCodeSpecSchema = z
  .string()
  .superRefine((spec, ctx) => {
    const parsed = parseSuccessCodes(spec);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
  })
  .describe(
    "HTTP statuses that count as delivered: families (2xx), ranges (200-299) and codes, comma-separated",
  );

export const timeoutMsSchema = z
  .number()
  .int()
  .min(INTEGRATION_LIMITS.timeoutMs.min, "The timeout must be at least 1 second")
  .max(INTEGRATION_LIMITS.timeoutMs.max, "The timeout can be at most 120 seconds")
  .describe("How long one request may take, in milliseconds (connect, TLS, headers and body)");

/** The first problem a header schema finds with one name and value, in words for the row; null when it is fine. */
export function headerRowProblem(schema: z.ZodType, name: string, value: unknown): string | null {
  const parsed = schema.safeParse({ [name]: value });
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue?.code === "invalid_key"
    ? (issue.issues[0]?.message ?? issue.message)
    : (issue?.message ?? null);
}
