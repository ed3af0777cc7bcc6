// The mapping's reports as the API sends them (catalogue, validation, trace), for the routes' output schemas.
// Each schema is checked against the type the mapping code produces, so the two cannot part ways unnoticed.

import { z } from "zod";
import type { FieldInfo } from "./fields";
import type { TraceEntry, TraceResult, TraceStep, TraceValue } from "./trace";
import type { TransformInfo } from "./transforms";
import type { MappingIssue } from "./validate";
import type { JsonObject, JsonValue } from "./values";

const VALUE_TYPES = ["string", "number", "boolean", "datetime", "array", "null"] as const;
const valueTypeSchema = z.enum(VALUE_TYPES);

// Any JSON value; the mapping code builds these, so there is nothing to check on the way out.
const jsonValueSchema = z.custom<JsonValue>(() => true);
const jsonObjectSchema = z.custom<JsonObject>(
  (v) => typeof v === "object" && v !== null && !Array.isArray(v),
);

export const fieldInfoSchema = z.object({
  name: z.string().describe("The field as a mapping names it, e.g. user.email"),
  label: z.string().describe("The field's name for people"),
  type: z.enum(["string", "number", "datetime"]).describe("The value's type"),
  nullable: z.boolean().describe("Whether the value can be null"),
  description: z.string().describe("What the field holds"),
  example: z.union([z.string(), z.number()]).describe("A typical value"),
}) satisfies z.ZodType<FieldInfo>;

export const transformInfoSchema = z.object({
  name: z.string().describe("The transform's name, as a chain step starts"),
  syntax: z.string().describe("How the step is written, e.g. dateFormat:FORMAT"),
  description: z.string().describe("What the step does"),
  example: z.string().describe("A step as written"),
  exampleResult: z.string().describe("What the example does to a sample value"),
  fits: z.array(valueTypeSchema).readonly().describe("Input types the transform is meant for; others warn"),
}) satisfies z.ZodType<TransformInfo>;

export const mappingIssueSchema = z.object({
  index: z
    .number()
    .int()
    .nullable()
    .describe("The entry (0-based); null for the mapping or record as a whole"),
  key: z.string().optional().describe("The entry's payload key"),
  field: z.enum(["key", "source", "transforms"]).optional().describe("Which part of the entry"),
  step: z.number().int().optional().describe("The step of the transform chain (0-based)"),
  transform: z.string().optional().describe("The transform of that step"),
  start: z.number().int().optional().describe("Where the problem starts in the part's text (offset)"),
  end: z.number().int().optional().describe("Where it ends in the part's text (offset)"),
  message: z.string().describe("The problem, in a sentence that stands alone"),
}) satisfies z.ZodType<MappingIssue>;

const issuesSchema = z.array(mappingIssueSchema);

export const validationResultSchema = z.object({
  errors: issuesSchema.describe("Problems that stop the mapping from being used"),
  warnings: issuesSchema.describe("Problems worth a look that do not stop it"),
});

const traceValueSchema = z.object({
  type: valueTypeSchema.describe("The value's type"),
  value: jsonValueSchema.describe("The value; a datetime as ISO 8601 text"),
}) satisfies z.ZodType<TraceValue>;

const traceStepSchema = z.object({
  index: z.number().int().describe("The step's position in the chain (0-based)"),
  transform: z.string().describe("The transform's name"),
  text: z.string().describe("The step as written"),
  start: z.number().int().describe("Where the step starts in the chain's text"),
  end: z.number().int().describe("Where it ends in the chain's text"),
  value: traceValueSchema.optional().describe("The value after this step; absent when the step failed"),
  error: z.string().optional().describe("Why the step failed"),
}) satisfies z.ZodType<TraceStep>;

const traceEntrySchema = z.object({
  index: z.number().int().describe("The entry's position in the mapping (0-based)"),
  key: z.string().describe("The payload key"),
  source: traceValueSchema
    .nullable()
    .describe("The value read from the record or the constant; null if unread"),
  steps: z.array(traceStepSchema).describe("The steps that ran, in order"),
  output: jsonValueSchema.optional().describe("What the payload carries for this key; absent when left out"),
  omitted: z.boolean().describe("Whether the key was left out of the payload (omitIfNull)"),
  omitReason: z.string().optional().describe("Why it was left out"),
  error: mappingIssueSchema.optional().describe("The problem that stopped this entry"),
}) satisfies z.ZodType<TraceEntry>;

export const traceResultSchema = z.object({
  ok: z.boolean().describe("Whether the payload could be built"),
  payload: jsonObjectSchema
    .nullable()
    .describe("The payload as it would be sent; null when there are errors"),
  entries: z.array(traceEntrySchema).describe("Each entry's way from source to payload value"),
  errors: issuesSchema.describe("Problems that stop the payload from being built"),
  warnings: issuesSchema.describe("Problems worth a look"),
}) satisfies z.ZodType<TraceResult>;
