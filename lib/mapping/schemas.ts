// The shape of a mapping, shared by the API routes, the editor form and validateMapping.

import { z } from "zod";

export const MAX_ENTRIES = 200;
export const MAX_KEY_LENGTH = 200;
export const MAX_CHAIN_LENGTH = 2000;
export const MAX_CONST_LENGTH = 2000;

const constValueSchema = z.union([z.string().max(MAX_CONST_LENGTH), z.number(), z.boolean(), z.null()]);

/** One mapping entry: payload key, source (LMS field name or a constant) and an optional transform chain. */
export const mappingEntrySchema = z.object({
  key: z.string().max(MAX_KEY_LENGTH).describe('The payload key; dots nest objects ("employee.id")'),
  source: z
    .union([
      z.string().max(100),
      z
        .object({ const: constValueSchema.describe("The constant value") })
        .describe("A constant instead of a field"),
    ])
    .describe("An LMS field name from GET /api/fields (e.g. user.email), or { const: value }"),
  transforms: z
    .string()
    .max(MAX_CHAIN_LENGTH)
    .optional()
    .describe("A transform chain, steps separated by | (e.g. dateFormat:yyyy-MM-dd); see GET /api/fields"),
});

/** A whole mapping, in payload order. Shape only: validateMapping checks fields, keys and chains. */
export const mappingSchema = z
  .array(mappingEntrySchema)
  .max(MAX_ENTRIES)
  .describe("The payload mapping: one entry per payload key, in payload order");

export type MappingEntry = z.infer<typeof mappingEntrySchema>;
export type Mapping = z.infer<typeof mappingSchema>;
export type ConstValue = z.infer<typeof constValueSchema>;
