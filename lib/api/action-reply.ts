import { apiError } from "./errors";

/** The reply to an admin action on deliveries. */
export function actionReply(
  result: { ok: true; affected: number } | { ok: false; reason: "not_found" | "conflict"; message: string },
): Response {
  if (result.ok) return Response.json({ affected: result.affected }, { status: 202 });
  return result.reason === "not_found"
    ? apiError(404, "not_found", result.message)
    : apiError(409, "conflict", result.message);
}
