import "server-only";
import type { Integration } from "@/db/schema";
import type { ReceiverSchema } from "./model";
import { receiverValidator } from "./validator";

type ContractInput = { receiverSchema?: ReceiverSchema | null; validateBeforeSending?: boolean };

/**
 * The receiver's contract as a save would leave it: a new schema must compile with Ajv (each problem at its place,
 * `receiverSchema.properties.employeeId.type`), and validating before sending needs a schema to validate against.
 */
export function contractProblems(
  input: ContractInput,
  existing?: Pick<Integration, "receiverSchema" | "validateBeforeSending">,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (input.receiverSchema) {
    const compiled = receiverValidator(input.receiverSchema);
    if (!compiled.ok) {
      for (const p of compiled.problems) {
        problems.push({ path: p.path ? `receiverSchema.${p.path}` : "receiverSchema", message: p.message });
      }
    }
  }
  const schema = input.receiverSchema !== undefined ? input.receiverSchema : existing?.receiverSchema;
  const isOn = input.validateBeforeSending ?? existing?.validateBeforeSending ?? false;
  if (isOn && !schema) {
    problems.push({
      path: input.validateBeforeSending !== undefined ? "validateBeforeSending" : "receiverSchema",
      message:
        "Validate before sending needs the receiver's JSON Schema: paste, upload or generate one, or turn validation off",
    });
  }
  return problems;
}
