import type { AttemptOutcome } from "@/lib/delivery/types";

/** One line for people: the HTTP status and what went wrong, or the failure in words when no answer came. */
export function describeFailure(outcome: AttemptOutcome): string {
  if (!outcome.status) return outcome.error?.message ?? "The attempt failed without an answer.";
  const message = outcome.error?.message ?? (outcome.responseBody.slice(0, 200) || "no response body");
  return `HTTP ${outcome.status}: ${message}`;
}
