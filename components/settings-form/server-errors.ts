import { ApiRequestError } from "@/lib/query/fetch-json";
import { isFormPath } from "./form-values";

export type Issue = { path: string; message: string };

/** A failed save split into messages for fields (by the same paths the form's schema uses) and for the form. */
export function splitSaveError(error: unknown): { fields: Issue[]; general: string[] } {
  if (!(error instanceof ApiRequestError)) {
    return { fields: [], general: [error instanceof Error ? error.message : "The save failed"] };
  }
  const details = Array.isArray(error.details) ? error.details : [];
  const issues: Issue[] = details.flatMap((d) =>
    d && typeof d === "object" && typeof d.path === "string" && typeof d.message === "string"
      ? [{ path: d.path, message: d.message }]
      : [],
  );
  const fields = issues.filter((i) => isFormPath(i.path));
  const general = issues
    .filter((i) => !isFormPath(i.path))
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  if (fields.length === 0 && general.length === 0) general.push(error.message);
  return { fields, general };
}
