// A JSON Schema for the payloads a mapping builds, as a starting point for the receiver's contract: each key's type
// from its source and transform chain, every key required unless its chain has omitIfNull, and no other keys.
// Pure and isomorphic: the mapping page generates it in the browser from the mapping being edited.

import type { Step } from "@/lib/mapping";
import { chainResultType, type StaticType } from "@/lib/mapping/static-types";
import { analyseMapping, staticSource } from "@/lib/mapping/validate";
import { GENERATED_SCHEMA_DRAFT, type ReceiverSchema } from "./model";

type JsonSchema = { [key: string]: unknown };
type ObjectNode = { kind: "object"; children: Map<string, Node> };
type Node = ObjectNode | { kind: "leaf"; schema: JsonSchema; isRequired: boolean };

/** The JSON Schema of one key's value, from the type its chain ends with. */
function valueSchema(type: StaticType, steps: readonly Step[]): JsonSchema {
  const last = steps[steps.length - 1];
  const statusMap = [...steps].reverse().find((s) => s.name === "statusMap");
  const base = ((): JsonSchema => {
    switch (type.type) {
      case "string":
        // A statusMap's answers are known; only later text steps (lowercase, concat…) change them.
        if (statusMap?.name === "statusMap" && last === statusMap) {
          const answers = statusMap.items.map((i) => i.value);
          if (statusMap.fallback !== null) answers.push(statusMap.fallback);
          return { type: "string", enum: [...new Set(answers)] };
        }
        return { type: "string" };
      case "datetime":
        return { type: "string", format: "date-time" };
      case "number": {
        const isWhole =
          last?.name === "toInt" ||
          (last?.name === "dateFormat" && (last.format === "epoch" || last.format === "epochMs"));
        return { type: isWhole ? "integer" : "number" };
      }
      case "boolean":
        return { type: "boolean" };
      case "array":
        return { type: "array", items: { type: "string" } };
      case "null":
        return { type: "null" };
      case "unknown":
        return {};
      default: {
        const unhandled: never = type.type;
        void unhandled;
        return {};
      }
    }
  })();
  if (!type.nullable || type.type === "null" || type.type === "unknown") return base;
  const withNull: JsonSchema = { ...base, type: [base.type, "null"] };
  if (Array.isArray(base.enum)) withNull.enum = [...base.enum, null];
  return withNull;
}

function objectSchema(node: ObjectNode): { schema: JsonSchema; isRequired: boolean } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, child] of node.children) {
    const built = child.kind === "leaf" ? child : objectSchema(child);
    properties[name] = built.schema;
    if (built.isRequired) required.push(name);
  }
  const schema: JsonSchema = { type: "object", properties };
  if (required.length > 0) schema.required = required;
  schema.additionalProperties = false;
  // An object is left out when every key in it was (omitIfNull), so it is required when one of its keys is.
  return { schema, isRequired: required.length > 0 };
}

/**
 * A JSON Schema (2020-12) describing the payloads `mapping` builds: types from the fields and transforms
 * (toInt: integer; toString, concat, dateFormat: string; a datetime: a date-time string; a nullable field: or
 * null; a statusMap's answers: an enum), required keys = those without omitIfNull, nested keys as objects, and
 * `additionalProperties: false`, so a key the receiver does not know is caught. An entry with errors is left out.
 */
export function schemaFromMapping(mapping: unknown): ReceiverSchema {
  const root: ObjectNode = { kind: "object", children: new Map() };
  for (const entry of analyseMapping(mapping).entries) {
    if (!entry.path || !entry.source || !entry.steps || entry.errors.length > 0) continue;
    const type = chainResultType(staticSource(entry.source), entry.steps);
    const isRequired = !entry.steps.some((s) => s.name === "omitIfNull");
    let parent = root;
    entry.path.slice(0, -1).forEach((name) => {
      const existing = parent.children.get(name);
      const next: ObjectNode =
        existing?.kind === "object" ? existing : { kind: "object", children: new Map() };
      parent.children.set(name, next);
      parent = next;
    });
    const leafName = entry.path[entry.path.length - 1];
    if (leafName !== undefined)
      parent.children.set(leafName, { kind: "leaf", schema: valueSchema(type, entry.steps), isRequired });
  }
  return {
    $schema: GENERATED_SCHEMA_DRAFT,
    title: "A completion as LMS Sync sends it",
    ...objectSchema(root).schema,
  };
}
