// What is wrong with a header row as the admin types it, shown beside the row: the shared schema's verdict, and the
// clashes between the visible and the secret list (the server refuses a name in both).
import {
  customHeadersSchema,
  headerRowProblem,
  secretHeadersInputSchema,
} from "@/lib/integrations/field-schemas";
import type { HeaderRow, SecretHeaderRow } from "./form-values";

/**
 * The shared schema's verdict on one header row, so a problem shows while typing, beside its row; and a clash with a
 * stored secret header of the same name (the server refuses it; a new secret row says so itself).
 */
export function visibleHeaderProblem(
  row: HeaderRow,
  rows: HeaderRow[],
  index: number,
  secrets: SecretHeaderRow[] = [],
): string | null {
  const name = row.name.trim();
  if (name === "" && row.value === "") return null;
  if (name === "") return "Enter the header name";
  const problem = headerRowProblem(customHeadersSchema, name, row.value);
  if (problem) return problem;
  const isSecretToo = secrets.some(
    (s) => s.isStored && !s.isRemoved && s.name.trim().toLowerCase() === name.toLowerCase(),
  );
  if (isSecretToo) return `${name} is also a secret header; keep it in one list (remove one of them)`;
  const isRepeated = rows.some((r, i) => i > index && r.name.trim().toLowerCase() === name.toLowerCase());
  return isRepeated ? "This header is repeated below; only the last one is sent" : null;
}

/** The shared schema's verdict on one new row, and a clash with a visible header of the same name. */
export function secretHeaderProblem(row: SecretHeaderRow, visible: string[]): string | null {
  const name = row.name.trim();
  if (row.isStored || (name === "" && row.value === "")) return null;
  if (name === "") return "Enter the header name";
  if (row.value === "") return "Enter the value";
  const problem = headerRowProblem(secretHeadersInputSchema, name, row.value);
  if (problem) return problem;
  return visible.includes(name.toLowerCase())
    ? `${name} is also a visible custom header; keep it in one list`
    : null;
}
