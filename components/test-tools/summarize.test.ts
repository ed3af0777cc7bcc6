import { describe, expect, it } from "vitest";
import type { TestExchange, TestUserResult } from "@/lib/testing-tools/output-schemas";
import { summarizeTest } from "./summarize";

let nextId = 1;
function exchange(
  status: number | null,
  durationMs: number,
  extra: Partial<TestExchange> = {},
): TestExchange {
  const ok = status !== null && status < 300;
  return {
    completionId: nextId++,
    activityName: "GDPR introduction",
    completionDate: "2026-04-11T14:32:00.000Z",
    request: { method: "POST", url: "https://hr.example.com", headers: {}, body: {} },
    outcome: {
      ok,
      status,
      url: "https://hr.example.com",
      requestHeaders: {},
      responseHeaders: {},
      responseBody: "",
      truncated: false,
      durationMs,
      ...(status === null ? { error: { code: "timeout", message: "No answer within 10 s." } } : {}),
      ...(ok ? {} : { diagnosis: { cause: "The API key was refused.", fix: "Check the key." } as never }),
    },
    ...extra,
  };
}
const learner = (userName: string, exchanges: TestExchange[], known = true): TestUserResult => ({
  userName,
  known,
  found: exchanges.length > 0,
  exchanges,
});

describe("summarizeTest", () => {
  it("says which payloads break the receiver's schema, those held back in a group with each problem once", () => {
    const issue = { key: "employeeId", message: "employeeId: must be a string (got 42)" };
    const held: TestExchange = {
      completionId: nextId++,
      activityName: "GDPR introduction",
      completionDate: "2026-04-11T14:32:00.000Z",
      schemaIssues: [issue],
      payload: { employeeId: 42 },
    };
    const summary = summarizeTest([
      learner("anne", [
        held,
        { ...held, completionId: nextId++ },
        exchange(201, 90, { schemaIssues: [issue] }),
      ]),
    ]);
    expect(summary.line).toBe(
      "1 of 3 accepted by the receiver, HTTP 201, 90 ms; 3 break the receiver's schema (2 not sent) (1 sent anyway)",
    );
    expect(summary.tone).toBe("failed");
    const [first] = summary.groups;
    expect(first).toMatchObject({ key: "breaks-schema", problems: [issue.message] });
    expect(first?.items).toHaveLength(2);
    expect(first?.title).toMatch(/^Not sent: the payload breaks the receiver's schema/);
  });

  it("leads with how many the receiver accepted, the answers and the time range", () => {
    const s = summarizeTest([
      learner("anne", [exchange(201, 120.4), exchange(201, 310), exchange(201, 200)]),
      learner("bjorn", [exchange(201, 150), exchange(201, 180)]),
    ]);
    expect(s.line).toBe("5 of 5 accepted by the receiver, HTTP 201, 120–310 ms");
    expect(s.tone).toBe("ok");
    expect(s.groups.map((g) => [g.title, g.items.length])).toEqual([
      ["Accepted by the receiver · HTTP 201", 5],
    ]);
  });

  it("says each diagnosis once, failures before successes, and names unknown learners plainly", () => {
    const s = summarizeTest([
      learner("anne", [exchange(401, 90), exchange(401, 95), exchange(201, 100)]),
      learner("nobody.here", [], false),
      learner("new.starter", []),
    ]);
    expect(s.line).toBe(
      "1 of 3 accepted by the receiver, HTTP 401 and 201, 90–100 ms; 1 learner not found; 1 learner has no completions",
    );
    expect(s.tone).toBe("failed");
    expect(s.unknown).toEqual(["nobody.here"]);
    expect(s.withoutCompletions).toEqual(["new.starter"]);
    expect(s.groups.map((g) => [g.kind, g.items.length, g.diagnosis?.cause])).toEqual([
      ["failed", 2, "The API key was refused."],
      ["accepted", 1, undefined],
    ]);
  });

  it("counts payloads that could not be built apart, with each problem once, and failures without an answer", () => {
    const problem = 'Entry 2 ("n"), in the 1st transform (toInt): "Anne" is not a number.';
    const unbuilt = { payloadErrors: [problem], request: undefined, outcome: undefined };
    const s = summarizeTest([
      learner("anne", [exchange(null, 10_000), exchange(null, 0, unbuilt), exchange(null, 0, unbuilt)]),
    ]);
    expect(s.line).toBe(
      "0 of 3 accepted by the receiver, timeout, 10000 ms; 2 not sent: the payload could not be built",
    );
    expect(s.groups.map((g) => [g.title, g.problems])).toEqual([
      ["Not sent: the payload could not be built", [problem]],
      ["Failed · No answer within 10 s.", []],
    ]);
  });

  it("says when nothing was sent at all", () => {
    const s = summarizeTest([learner("nobody.here", [], false)]);
    expect(s.line).toBe("Nothing was sent: no completions to test; 1 learner not found");
    expect(s.tone).toBe("nothing");
  });
});
