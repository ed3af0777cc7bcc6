import type { z } from "zod";
import type { ApiErrorCode } from "./error-schemas";

/** The one error shape of the API: `{ error: { code, message, details? } }`. */
export function apiError(status: number, code: ApiErrorCode, message: string, details?: unknown): Response {
  return Response.json(
    { error: { code, message, ...(details === undefined ? {} : { details }) } },
    { status },
  );
}

/** A 400 that lists every zod issue with its path, so a script author can fix all of them at once. */
export function validationError(error: z.ZodError, where: "body" | "query"): Response {
  const details = error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
  const first = details[0];
  const summary = first ? `${first.path || where}: ${first.message}` : "invalid input";
  return apiError(400, "bad_request", `Invalid ${where}: ${summary}`, details);
}

export const notFound = (what: string) => apiError(404, "not_found", `${what} not found`);
