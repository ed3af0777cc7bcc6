import { describe, expect, it } from "vitest";
import { MAX_RETRY_AFTER_MS, planAfterFailure } from "./retry-policy";

const now = new Date("2026-05-01T10:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("retry schedule", () => {
  it("waits 1, 5 and 30 minutes, then gives up until the next scheduled run", () => {
    const schedule = [60, 300, 1800];
    expect(planAfterFailure(1, schedule, now, { status: 500 })).toEqual({
      state: "retrying",
      nextAttemptAt: at(60_000),
    });
    expect(planAfterFailure(2, schedule, now, { status: 500 })).toEqual({
      state: "retrying",
      nextAttemptAt: at(300_000),
    });
    expect(planAfterFailure(3, schedule, now, { status: null })).toEqual({
      state: "retrying",
      nextAttemptAt: at(1_800_000),
    });
    expect(planAfterFailure(4, schedule, now, { status: 500 })).toEqual({
      state: "failed",
      nextAttemptAt: now,
    });
  });

  it("honours a longer Retry-After on 429 and 503, capped at a day, and ignores it elsewhere", () => {
    expect(planAfterFailure(1, [60], now, { status: 429, retryAfterMs: 600_000 }).nextAttemptAt).toEqual(
      at(600_000),
    );
    expect(planAfterFailure(1, [60], now, { status: 503, retryAfterMs: 10_000 }).nextAttemptAt).toEqual(
      at(60_000),
    );
    expect(planAfterFailure(1, [60], now, { status: 503, retryAfterMs: 9e9 }).nextAttemptAt).toEqual(
      at(MAX_RETRY_AFTER_MS),
    );
    expect(planAfterFailure(1, [60], now, { status: 500, retryAfterMs: 600_000 }).nextAttemptAt).toEqual(
      at(60_000),
    );
  });

  it("keeps a Retry-After when the schedule is used up: failed, but not due again before the receiver asked", () => {
    expect(planAfterFailure(4, [60, 300, 1800], now, { status: 429, retryAfterMs: 3_600_000 })).toEqual({
      state: "failed",
      nextAttemptAt: at(3_600_000),
    });
    expect(planAfterFailure(1, [], now, { status: 503, retryAfterMs: 9e9 }).nextAttemptAt).toEqual(
      at(MAX_RETRY_AFTER_MS),
    );
    expect(planAfterFailure(4, [60], now, { status: 500, retryAfterMs: 3_600_000 }).nextAttemptAt).toEqual(
      now,
    );
  });

  it("with no retries configured, a failure is final for this cycle", () => {
    expect(planAfterFailure(1, [], now, { status: 500 }).state).toBe("failed");
  });
});
