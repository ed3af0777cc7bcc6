import { z } from "zod";

// The receiver's contract: the JSON Schema an integration's receiver expects of each payload, and whether a run
// checks payloads against it before sending. Client-safe (zod and constants only).

/** A JSON Schema as stored: a JSON object (its keywords are checked by Ajv on the server, `check-schema.ts`). */
export type ReceiverSchema = { [key: string]: unknown };

export const CONTRACT_LIMITS = {
  /** The schema as JSON text, at most. */
  schemaBytes: 64 * 1024,
  /** Problems reported per payload; a payload breaking more says how many more. */
  issuesPerPayload: 20,
  /** Payloads one check request may carry (the preview sends one, Test with user up to its learners). */
  payloadsPerCheck: 50,
} as const;

/** The draft a generated schema declares; Ajv's 2020-12 class checks it. */
export const GENERATED_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema";

/** One reason a payload breaks the schema, at its key (dotted, as the mapping names keys; "" for the payload). */
export const contractIssueSchema = z.object({
  key: z
    .string()
    .describe(
      'The payload key the problem is at, dotted as in the mapping ("employee.id"); "" for the payload as a whole',
    ),
  message: z
    .string()
    .describe('The problem in words, starting with the key: "employeeId: must be a string (got 42)"'),
});
export type ContractIssue = z.infer<typeof contractIssueSchema>;

/** The shape check of a stored schema: a JSON object of limited size; Ajv checks the rest on the server. */
export const receiverSchemaSchema = z
  .record(z.string(), z.unknown())
  .superRefine((schema, ctx) => {
    const size = new TextEncoder().encode(JSON.stringify(schema)).length;
    if (size > CONTRACT_LIMITS.schemaBytes)
      ctx.addIssue({
        code: "custom",
        message: `The schema is ${Math.ceil(size / 1024)} KiB; at most ${CONTRACT_LIMITS.schemaBytes / 1024} KiB`,
      });
  })
  .describe(
    "The JSON Schema (draft-07, 2019-09 or 2020-12, as its $schema says; draft-07 when it names none) each payload must satisfy, as a JSON object; null: none",
  ) as z.ZodType<ReceiverSchema>;
