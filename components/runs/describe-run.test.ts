import { describe, expect, it } from "vitest";
import type { RunOutput } from "@/lib/sync/schemas";
import { describeRun, formatDuration } from "./describe-run";

const run = (over: Partial<RunOutput>): RunOutput => ({
  id: 7,
  integrationId: "3f2b8c1e-5d4a-4c8e-9b7a-1e2d3c4b5a69",
  trigger: "manual",
  status: "completed",
  done: true,
  startedAt: "2026-04-12T00:00:01.000Z",
  finishedAt: "2026-04-12T00:00:09.000Z",
  durationMs: 8000,
  sent: 0,
  accepted: 0,
  retried: 0,
  failed: 0,
  error: null,
  ...over,
});

describe("a run in one sentence", () => {
  it("says what a finished run did, failures with those left to retry", () => {
    expect(describeRun(run({ sent: 1000, accepted: 998, retried: 2 }))).toBe(
      "Done: 1,000 sent, 998 accepted, 2 failed (2 to retry).",
    );
    expect(describeRun(run({ status: "running", done: false, sent: 5, accepted: 5 }))).toBe(
      "Running: 5 sent, 5 accepted, 0 failed so far…",
    );
  });
  it("says why nothing was sent: everything since the send-from date is delivered, or retries are not due yet", () => {
    expect(describeRun(run({}), "2026-01-01T12:00:00.000Z")).toMatch(
      /^Nothing was due: every completion since .+ has been sent\.$/,
    );
    expect(describeRun(run({}), "2026-01-01T12:00:00.000Z", { retrying: 3, nextRetryAt: null })).toBe(
      "Nothing was due: 3 deliveries wait for a retry.",
    );
  });
  it("gives a stopped run's reason", () => {
    expect(
      describeRun(run({ status: "stopped", sent: 10, accepted: 0, retried: 10, error: "auto-disabled" })),
    ).toBe("Stopped after 10 sent, 0 accepted, 10 failed (10 to retry): auto-disabled.");
  });
  it("writes durations for people", () => {
    expect([850, 12_400, 185_000, null].map(formatDuration)).toEqual(["850 ms", "12.4 s", "3 min 5 s", "—"]);
  });
});
