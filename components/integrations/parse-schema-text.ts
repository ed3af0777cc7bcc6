import type { ReceiverSchema } from "@/lib/contract/model";
import { parseJsonText } from "@/lib/json/parse-json-text";

export type ParsedSchemaText = { ok: true; schema: ReceiverSchema | null } | { ok: false; problem: string };

/**
 * The schema box's text as a schema: empty is none; JSON that does not parse is a problem at its line and column;
 * anything but a JSON object is refused. Ajv's own checks run on the server when it is saved.
 */
export function parseSchemaText(text: string): ParsedSchemaText {
  if (text.trim() === "") return { ok: true, schema: null };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, problem: `The schema is ${parsed.problem}` };
  const { value } = parsed;
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { ok: false, problem: 'A JSON Schema here is a JSON object, such as {"type": "object", …}' };
  return { ok: true, schema: value as ReceiverSchema };
}
