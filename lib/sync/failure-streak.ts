import { type AttemptResult, isFailure } from "./attempt-result";

type Failed = AttemptResult & { outcome: { ok: false } };

/** Where a batch of sent attempts, in the order they ended, takes the failures in a row. */
export type Streak = {
  /** Failures in a row after the batch. */
  after: number;
  /** The failure that first brought the count to half the threshold, and that count. */
  halfWay: { count: number; failure: Failed } | null;
  /** The failure that brought the count to the threshold, and that count. */
  reached: { count: number; failure: Failed } | null;
  lastSuccess: AttemptResult | undefined;
  /** A 410 Gone among them (one the success codes do not count as success). */
  gone: AttemptResult | undefined;
};

/** Half the threshold, at which people are warned; none when that is the threshold itself. */
export const halfOf = (threshold: number): number | null =>
  Math.ceil(threshold / 2) < threshold ? Math.ceil(threshold / 2) : null;

/**
 * Counts the failures in a row attempt by attempt, as the run does: the threshold and the half-way mark are
 * reached by one particular failure, and the count at it is exact however many attempts share the batch.
 */
export function followStreak(before: number, threshold: number, sent: AttemptResult[]): Streak {
  const half = halfOf(threshold);
  const streak: Streak = {
    after: before,
    halfWay: null,
    reached: null,
    lastSuccess: undefined,
    gone: undefined,
  };
  for (const result of sent) {
    if (!result.outcome.ok && result.outcome.status === 410) streak.gone ??= result;
    if (!isFailure(result)) {
      streak.after = 0;
      streak.lastSuccess = result;
      continue;
    }
    streak.after += 1;
    if (streak.after === half) streak.halfWay ??= { count: half, failure: result };
    if (streak.after >= threshold) streak.reached ??= { count: streak.after, failure: result };
  }
  return streak;
}
