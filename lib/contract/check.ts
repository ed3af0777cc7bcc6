import "server-only";
import type { Integration } from "@/db/schema";
import type { ContractCheckInput, ContractCheckOutput } from "./schemas";
import { receiverValidator } from "./validator";

/** The payloads checked against the integration's saved schema. */
export function checkContract(
  integration: Pick<Integration, "receiverSchema" | "validateBeforeSending">,
  input: ContractCheckInput,
): ContractCheckOutput {
  const schema = integration.receiverSchema;
  const base = { validateBeforeSending: integration.validateBeforeSending, schemaProblems: [], results: [] };
  if (!schema) return { hasSchema: false, ...base };
  const compiled = receiverValidator(schema);
  if (!compiled.ok) return { hasSchema: true, ...base, schemaProblems: compiled.problems };
  const results = input.payloads.map((payload) => {
    const issues = compiled.check(payload);
    return { isValid: issues.length === 0, issues };
  });
  return { hasSchema: true, ...base, results };
}
