import type { ReceiverSchema } from "@/lib/contract/model";

export type ParsedSchemaText = { ok: true; schema: ReceiverSchema | null } | { ok: false; problem: string };

/** Line and column of a character offset, counted from 1 as editors do. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

/**
 * The schema box's text as a schema: empty is none; JSON that does not parse is a problem at its line and column;
 * anything but a JSON object is refused. Ajv's own checks run on the server when it is saved.
 */
export function parseSchemaText(text: string): ParsedSchemaText {
  if (text.trim() === "") return { ok: true, schema: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message);
    const where = at ? ` at ${lineAndColumn(text, Number(at[1]))}` : "";
    return {
      ok: false,
      problem: `Not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, "")}`,
    };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { ok: false, problem: 'A JSON Schema here is a JSON object, such as {"type": "object", …}' };
  return { ok: true, schema: value as ReceiverSchema };
}
