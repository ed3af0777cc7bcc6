import { describe, expect, it } from "vitest";
import type { TestExchange, TestUserPlan } from "@/lib/testing-tools/output-schemas";
import { progressCount, replySoFar } from "./test-progress";

const plan: TestUserPlan = {
  target: "test",
  url: "https://hr.example.com/test",
  limit: 2,
  total: 3,
  learners: [
    { userName: "anne", known: true, found: true, completions: 2 },
    { userName: "nobody", known: false, found: false, completions: 0 },
    { userName: "anne", known: true, found: true, completions: 1 },
  ],
};
const exchange = (completionId: number): TestExchange => ({
  completionId,
  activityName: "GDPR",
  completionDate: "2026-11-30T10:00:00.000Z",
  payloadErrors: ["no e-mail"],
});

describe("Test with user's progress", () => {
  it("shows every learner of the plan at once, and each exchange under its learner as it ends", () => {
    const start = replySoFar({ plan, ended: [] });
    expect(start.results.map((r) => [r.userName, r.known, r.exchanges.length])).toEqual([
      ["anne", true, 0],
      ["nobody", false, 0],
      ["anne", true, 0],
    ]);
    // A name asked for twice is two learners: each exchange goes to the one it was sent for.
    const later = replySoFar({
      plan,
      ended: [
        { learner: 0, exchange: exchange(1) },
        { learner: 2, exchange: exchange(9) },
      ],
    });
    expect(later.results.map((r) => r.exchanges.map((e) => e.completionId))).toEqual([[1], [], [9]]);
    expect(later).toMatchObject({ ok: true, target: "test", url: plan.url, limit: 2 });
  });

  it("counts what has ended against the plan's total", () => {
    expect(progressCount({ plan, ended: [] }).text).toBe("0 of 3 completions done");
    expect(progressCount({ plan, ended: [{ learner: 0, exchange: exchange(1) }] })).toEqual({
      done: 1,
      total: 3,
      text: "1 of 3 completions done",
    });
    expect(progressCount({ plan: { ...plan, total: 1 }, ended: [] }).text).toBe("0 of 1 completion done");
  });
});
