// Time is read through a clock wherever a test would otherwise wait for it to pass: token expiry, leases, retry
// times. Production code takes `systemClock`; tests take a `testClock` and move it forward.

/** Milliseconds since the epoch, like Date.now(). */
export type Clock = { now(): number };

export const systemClock: Clock = { now: () => Date.now() };

export type TestClock = Clock & {
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
};

/**
 * A clock for tests: real time plus whatever `advance` added. It never runs behind real time, so whatever the
 * database stamped with its own now() stays in the past for it.
 */
export function testClock(): TestClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}
