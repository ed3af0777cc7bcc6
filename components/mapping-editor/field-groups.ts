import { FIELDS, type FieldInfo } from "@/lib/mapping";

/** The palette's and the source menu's groups of LMS fields, in catalogue order. */
export const FIELD_GROUPS: { prefix: string; title: string; hint: string; fields: FieldInfo[] }[] = [
  { prefix: "user", title: "User", hint: "the learner" },
  { prefix: "activity", title: "Activity", hint: "the completed course" },
  { prefix: "completion", title: "Completion", hint: "when and how well" },
].map((g) => ({ ...g, fields: FIELDS.filter((f) => f.name.startsWith(`${g.prefix}.`)) }));

/** The catalogue entry for a field name, or undefined. */
export function fieldInfo(name: string): FieldInfo | undefined {
  return FIELDS.find((f) => f.name === name);
}

/** Fields whose name, label, type or description contains `query` (case-insensitive). */
export function matchesField(field: FieldInfo, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === "") return true;
  return [field.name, field.label, field.type, field.description].some((t) => t.toLowerCase().includes(q));
}
