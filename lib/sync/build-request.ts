import type { CompletionRecordRow } from "@/db/queries/completion-records";
import type { ContractIssue } from "@/lib/contract/model";
import { buildPayload, type MappingEntry } from "@/lib/mapping";

export type BuiltRequest =
  | { ok: true; userId: number; body: string }
  | {
      ok: false;
      userId: number | null;
      state: "failed" | "skipped";
      message: string;
      /** Why nothing was sent: no payload, or one that breaks the receiver's schema (its body is logged). */
      reason: "not_built" | "breaks_schema";
      body?: string;
    };

/**
 * One delivery's request body from the mapping, serialised once: these bytes are both sent and logged. A completion
 * gone from the LMS is skipped; a payload that cannot be built fails the delivery, and so does one that breaks the
 * receiver's schema when `contract` checks it (validate before sending): it is not sent.
 */
export function buildRequest(
  mapping: MappingEntry[],
  record: CompletionRecordRow | undefined,
  contract: ((payload: unknown) => ContractIssue[]) | null = null,
): BuiltRequest {
  if (!record) {
    return {
      ok: false,
      userId: null,
      state: "skipped",
      message: "The completion no longer exists in the LMS",
      reason: "not_built",
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
      reason: "not_built",
    };
  }
  const body = JSON.stringify(built.payload);
  const issues = contract?.(built.payload) ?? [];
  if (issues.length > 0) {
    return {
      ok: false,
      userId: record.userId,
      state: "failed",
      message: `Not sent: the payload breaks the receiver's JSON Schema. ${issues.map((i) => i.message).join("; ")}`,
      reason: "breaks_schema",
      body,
    };
  }
  return { ok: true, userId: record.userId, body };
}
