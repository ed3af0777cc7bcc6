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
  if (delaySeconds === undefined) return { state: "failed", nextAttemptAt: now };
  let delayMs = delaySeconds * 1000;
  const honoursRetryAfter = response.status === 429 || response.status === 503;
  if (honoursRetryAfter && response.retryAfterMs !== undefined) {
    delayMs = Math.max(delayMs, Math.min(response.retryAfterMs, MAX_RETRY_AFTER_MS));
  }
  return { state: "retrying", nextAttemptAt: new Date(now.getTime() + delayMs) };
}
