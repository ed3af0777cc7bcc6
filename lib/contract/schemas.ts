// The contract check's input and output (POST /api/integrations/:id/contract/check), shared by the route and the
// mapping editor's preview. Client-safe: zod only.

import { z } from "zod";
import { CONTRACT_LIMITS, contractIssueSchema } from "./model";

// Only the saved schema is checked against: a schema of the caller's choosing would let any viewer make the server
// compile schemas (tens of milliseconds each) and run their patterns.
export const contractCheckInputSchema = z
  .object({
    payloads: z
      .array(z.record(z.string(), z.unknown()).describe("A payload as the mapping builds it"))
      .max(CONTRACT_LIMITS.payloadsPerCheck)
      .describe(`The payloads to check, at most ${CONTRACT_LIMITS.payloadsPerCheck}`),
  })
  .strict();
export type ContractCheckInput = z.infer<typeof contractCheckInputSchema>;

const schemaProblemSchema = z.object({
  path: z
    .string()
    .describe('Where in the schema, dotted ("properties.employeeId.type"); "" for the schema as a whole'),
  message: z.string().describe("What is wrong there and what it must be"),
});

export const contractCheckOutputSchema = z.object({
  hasSchema: z.boolean().describe("Whether there is a schema to check against (false: results is empty)"),
  validateBeforeSending: z
    .boolean()
    .describe("Whether a run of this integration holds back a payload that breaks the schema"),
  schemaProblems: z
    .array(schemaProblemSchema)
    .describe("Why the schema itself cannot be used (then results is empty)"),
  results: z
    .array(
      z.object({
        isValid: z.boolean().describe("Whether the payload satisfies the schema"),
        issues: z.array(contractIssueSchema).describe("Where it breaks the schema, at its keys"),
      }),
    )
    .describe("One per payload, in order"),
});
export type ContractCheckOutput = z.infer<typeof contractCheckOutputSchema>;
