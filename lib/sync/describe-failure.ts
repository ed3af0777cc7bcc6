import type { AttemptOutcome } from "@/lib/delivery/types";

/** One line for people: the HTTP status and what went wrong. */
export function describeFailure(outcome: AttemptOutcome): string {
  const status = outcome.status ? `HTTP ${outcome.status}` : (outcome.error?.code ?? "error");
  const message = outcome.error?.message ?? (outcome.responseBody.slice(0, 200) || "no response body");
  return `${status}: ${message}`;
}
