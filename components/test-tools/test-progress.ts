// Test with user as it streams: the reply so far, built from the plan and the exchanges that have ended.

import type { TestExchange, TestUserPlan, TestUserReply } from "@/lib/testing-tools/output-schemas";

export type TestProgress = {
  plan: TestUserPlan;
  /** The exchanges that have ended, in order, each with its learner's index in the plan. */
  ended: { learner: number; exchange: TestExchange }[];
};

/** The reply as far as it has come: every learner of the plan, with the exchanges that have ended. */
export function replySoFar({ plan, ended }: TestProgress): TestUserReply {
  return {
    ok: true,
    target: plan.target,
    url: plan.url,
    limit: plan.limit,
    results: plan.learners.map((l, i) => ({
      userName: l.userName,
      known: l.known,
      found: l.found,
      exchanges: ended.filter((e) => e.learner === i).map((e) => e.exchange),
    })),
  };
}

export type ProgressCount = { done: number; total: number; text: string };

/** "3 of 12 completions done": what a running (or cancelled) test has got through. */
export function progressCount({ plan, ended }: TestProgress): ProgressCount {
  const done = ended.length;
  const total = plan.total;
  return { done, total, text: `${done} of ${total} ${total === 1 ? "completion" : "completions"} done` };
}
