import type { CompletionRecordRow } from "@/db/queries/completion-records";
import { buildPayload, type MappingEntry } from "@/lib/mapping";

export type BuiltRequest =
  | { ok: true; userId: number; body: string }
  | { ok: false; userId: number | null; state: "failed" | "skipped"; message: string };

/**
 * One delivery's request body from the mapping, serialised once: these bytes are both sent and logged. A completion
 * gone from the LMS is skipped; a payload that cannot be built fails the delivery.
 */
export function buildRequest(mapping: MappingEntry[], record: CompletionRecordRow | undefined): BuiltRequest {
  if (!record) {
    return {
      ok: false,
      userId: null,
      state: "skipped",
      message: "The completion no longer exists in the LMS",
    };
  }
  const built = buildPayload(mapping, record);
  if (!built.ok) {
    const errors = built.errors.map((e) => e.message).join("; ");
    return {
      ok: false,
      userId: record.userId,
      state: "failed",
      message: `The payload could not be built: ${errors}`,
    };
  }
  return { ok: true, userId: record.userId, body: JSON.stringify(built.payload) };
}
