// A JSON Schema as the rows of a table people read: every field with its path, type, whether it is required, and
// what it means. Pure, so the API page renders it on the server and a test can check it.

type Schema = { [key: string]: unknown };

export type FieldRow = { path: string; type: string; isRequired: boolean; description?: string };

const asSchema = (value: unknown): Schema | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Schema) : undefined;
const variants = (s: Schema): Schema[] =>
  ((s.anyOf ?? s.oneOf ?? []) as unknown[]).flatMap((v) => {
    const variant = asSchema(v);
    return variant ? [variant] : [];
  });

/** A type as people read it: `string (date-time)`, `"a" | "b"`, `integer[]`, `map of string`, `any`. */
export function typeLabel(schema: unknown): string {
  const s = asSchema(schema) ?? {};
  if ("const" in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const union = variants(s);
  if (union.length > 0) return union.map(typeLabel).join(" | ");
  switch (s.type) {
    case "array": {
      const item = typeLabel(s.items);
      return item.includes(" | ") ? `(${item})[]` : `${item}[]`;
    }
    case "object": {
      const values = asSchema(s.additionalProperties);
      return !s.properties && values ? `map of ${typeLabel(values)}` : "object";
    }
    case "string":
      return typeof s.format === "string" ? `string (${s.format})` : "string";
    case undefined:
      return "any";
    default:
      return String(s.type);
  }
}

/** Every field of an object schema, nested fields after their parent (`a.b`, `list[].c`, `map.<key>.d`). */
export function fieldRows(schema: unknown, prefix = ""): FieldRow[] {
  const s = asSchema(schema);
  if (!s) return [];
  // A body of several shapes (one object or a batch): the fields of each, a field in several listed once.
  if (!s.properties && variants(s).length > 0)
    return mergeRows(variants(s).flatMap((v) => fieldRows(v, prefix)));
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries((asSchema(s.properties) ?? {}) as Record<string, Schema>).flatMap(
    ([key, property]) => [
      {
        path: `${prefix}${key}`,
        type: typeLabel(property),
        isRequired: required.has(key),
        ...(typeof property.description === "string" && { description: property.description }),
      },
      ...innerRows(property, `${prefix}${key}`),
    ],
  );
}

/** The fields inside a field: of its object, its list's items, its map's values, or each variant of a union. */
function innerRows(schema: Schema, path: string): FieldRow[] {
  if (schema.properties) return fieldRows(schema, `${path}.`);
  const items = asSchema(schema.items);
  if (items) return innerRows(items, `${path}[]`);
  const values = asSchema(schema.additionalProperties);
  if (values) return innerRows(values, `${path}.<key>`);
  const seen = new Set<string>();
  return variants(schema)
    .flatMap((v) => innerRows(v, path))
    .filter((row) => !seen.has(row.path) && Boolean(seen.add(row.path)));
}

/** Rows with the same path as one: its types joined, required only where every shape requires it. */
function mergeRows(rows: FieldRow[]): FieldRow[] {
  const byPath = new Map<string, FieldRow>();
  for (const row of rows) {
    const seen = byPath.get(row.path);
    if (!seen) byPath.set(row.path, { ...row });
    else {
      if (!seen.type.split(" | ").includes(row.type)) seen.type = `${seen.type} | ${row.type}`;
      seen.isRequired &&= row.isRequired;
    }
  }
  return [...byPath.values()];
}
