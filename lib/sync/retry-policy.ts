import { type DeliveryState, SYNC_LIMITS } from "./model";

export const MAX_RETRY_AFTER_MS = SYNC_LIMITS.maxRetryAfterMs;

export type FailurePlan = { state: Extract<DeliveryState, "retrying" | "failed">; nextAttemptAt: Date };

/**
 * Where a delivery goes after its `cycleAttempts`-th failed attempt of this cycle: the next retry of the schedule
 * (later if a 429/503 asked for more with Retry-After), or `failed` until the next scheduled run.
 */
export function planAfterFailure(
  cycleAttempts: number,
  retrySchedule: number[],
  now: Date,
  response: { status: number | null; retryAfterMs?: number },
): FailurePlan {
  const delaySeconds = retrySchedule[cycleAttempts - 1];
  const honoursRetryAfter = response.status === 429 || response.status === 503;
  const askedMs =
    honoursRetryAfter && response.retryAfterMs !== undefined
      ? Math.min(response.retryAfterMs, MAX_RETRY_AFTER_MS)
      : 0;
  // Failed, it waits for the next scheduled run's new cycle, but not before the receiver asked (restartFailedDeliveries
  // keeps that time).
  if (delaySeconds === undefined)
    return { state: "failed", nextAttemptAt: new Date(now.getTime() + askedMs) };
  return {
    state: "retrying",
    nextAttemptAt: new Date(now.getTime() + Math.max(delaySeconds * 1000, askedMs)),
  };
}
