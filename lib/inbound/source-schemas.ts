import { z } from "zod";
import { isoDateTime } from "@/lib/api/iso-date-time";
import { inboundKindSchema, INBOUND_LIMITS as L } from "./model";

// Inbound sources as the pages and the API create, change and show them. The form and the routes share these.

const kinds = z
  .array(inboundKindSchema)
  .min(1, "Choose what the source may send")
  .transform((k) => [...new Set(k)])
  .describe("What the source may send: users, completions, or both");

/** A new source; its signing secret is made by the server and shown once in the reply. */
export const createInboundSourceSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the source a name")
    .max(L.nameLength)
    .describe("What the source is called"),
  kinds,
  createMissing: z
    .boolean()
    .default(false)
    .describe(
      "Whether items may create organisations, activities and learning profiles the LMS does not have",
    ),
});
export type CreateInboundSourceInput = z.input<typeof createInboundSourceSchema>;

/** A change to a source: only the keys given change. */
export const updateInboundSourceSchema = createInboundSourceSchema
  .extend({
    createMissing: z
      .boolean()
      .describe(
        "Whether items may create organisations, activities and learning profiles the LMS does not have",
      ),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one of name, kinds, createMissing");

/** A new signing secret; the current one keeps working for the overlap, so senders can switch without a gap. */
export const rotateSecretSchema = z.object({
  overlapHours: z
    .number()
    .int()
    .min(0)
    .max(L.maxOverlapHours)
    .default(L.defaultOverlapHours)
    .describe(
      `How long the secrets in use now keep working, in hours (0 ends them at once; default ${L.defaultOverlapHours})`,
    ),
});
export type RotateSecretInput = z.input<typeof rotateSecretSchema>;

export const inboundSourceSchema = z.object({
  id: z.uuid().describe("The source's id"),
  name: z.string().describe("What the source is called"),
  kinds: z.array(inboundKindSchema).describe("What the source may send"),
  createMissing: z
    .boolean()
    .describe("Whether items may create missing organisations, activities and profiles"),
  url: z
    .string()
    .describe("Where the source sends its data: POST with a signature or an inbound-scoped API token"),
  secrets: z
    .array(
      z.object({
        createdAt: isoDateTime.describe("When the secret was made"),
        validUntil: isoDateTime
          .nullable()
          .describe("Until when a replaced secret still verifies; null for the current one"),
      }),
    )
    .describe("The signing secrets that verify now, newest first; the values never leave the server"),
  createdAt: isoDateTime.describe("When the source was created"),
  updatedAt: isoDateTime.describe("When the source was last changed"),
  lastReceivedAt: isoDateTime
    .nullable()
    .describe("When the source last sent a request, refused ones included"),
});
export type InboundSourceReply = z.output<typeof inboundSourceSchema>;
/** A source as the server hands it to the reply schema (dates may still be Dates). */
export type InboundSourceOut = z.input<typeof inboundSourceSchema>;

export const inboundSourceReplySchema = z.object({ source: inboundSourceSchema.describe("The source") });

/** The reply that carries a new signing secret: the only time it is shown. */
export const inboundSecretReplySchema = inboundSourceReplySchema.extend({
  signingSecret: z
    .string()
    .describe("The new signing secret (whsec_ + base64), shown this once: give it to the sending system"),
});
export type InboundSecretReply = z.output<typeof inboundSecretReplySchema>;

export const inboundSourceListSchema = z.object({
  sources: z.array(inboundSourceSchema).describe("Every inbound source, newest first"),
});

export const inboundSourceParams = z.object({ id: z.uuid().describe("The inbound source's id") });
