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
  })
  .describe("Extra headers sent with every request, name to value");

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
