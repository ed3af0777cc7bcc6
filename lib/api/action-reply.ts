import { z } from "zod";
import { apiError } from "./errors";

/** The reply to an admin action on deliveries (sent with 202: the worker does the sending). */
export const actionReplySchema = z.object({
  affected: z.number().int().describe("How many deliveries the action changed"),
});

/** The reply to an admin action on deliveries, or its refusal. */
export function actionReply(
  result: { ok: true; affected: number } | { ok: false; reason: "not_found" | "conflict"; message: string },
): z.input<typeof actionReplySchema> | Response {
  if (result.ok) return { affected: result.affected };
  return result.reason === "not_found"
    ? apiError(404, "not_found", result.message)
    : apiError(409, "conflict", result.message);
}
