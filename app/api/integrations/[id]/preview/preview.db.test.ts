import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "@/lib/api/test-support/call-route";
import { createRouteFixture, type RouteFixture } from "@/lib/learners/test-support/route-fixture";
import { POST } from "./route";

let f: RouteFixture;

beforeAll(async () => {
  f = await createRouteFixture();
});
afterAll(async () => {
  await f.t.drop();
});

const preview = (body: unknown, token = f.viewerToken) =>
  callRoute(POST, { token, params: { id: f.integrationId }, body });

describe("POST /api/integrations/:id/preview", () => {
  it("builds a learner's payloads under the saved mapping, with every step traced", async () => {
    const r = await preview({ userName: "ANNE", limit: 50 });
    expect(r.status).toBe(200);
    expect(r.body.userName).toBe("anne");
    expect(r.body.mappingVersion).toBe(1);
    expect(r.body.validation.errors).toEqual([]);
    const gdpr = r.body.previews.find(
      (p: { record: { activity: { activityName: string } } }) =>
        p.record.activity.activityName === "GDPR introduction",
    );
    expect(gdpr.trace.payload).toMatchObject({
      employeeId: "anne@company.com",
      courseName: "GDPR introduction",
      organisation: "HR department",
    });
    const expected = gdpr.record.completion.bestCombined === 100 ? "passed" : "failed";
    expect(gdpr.trace.payload.status).toBe(expected);
    const status = gdpr.trace.entries.find((e: { key: string }) => e.key === "status");
    expect(status.steps[0]).toMatchObject({
      transform: "statusMap",
      value: { type: "string", value: expected },
    });
  });

  it("uses the unsaved mapping when one is given, and reports its errors with positions", async () => {
    const mapping = [
      { key: "who", source: "user.email", transforms: "uppercase" },
      { key: "bad", source: "user.email", transforms: "trim | bogus" },
    ];
    const r = await preview({ userName: "anne@company.com", mapping, limit: 1 });
    expect(r.status).toBe(200);
    expect(r.body.mappingVersion).toBeNull();
    expect(r.body.previews).toHaveLength(1);
    const trace = r.body.previews[0].trace;
    expect(trace.payload).toBeNull();
    expect(trace.entries[0].output).toBe("ANNE@COMPANY.COM");
    expect(r.body.validation.errors[0]).toMatchObject({ index: 1, field: "transforms", start: 7, end: 12 });
  });

  it("lists the result values that occur in recent completions, for statusMap warnings", async () => {
    const r = await preview({ userName: "anne", limit: 1 });
    expect(r.body.observedValues["completion.bestCombined"]).toEqual([0, 100]);
    const scores: number[] = r.body.observedValues["completion.bestScore"];
    expect(scores.length).toBeGreaterThan(5);
    expect(scores.every((s) => s >= 0 && s <= 100)).toBe(true);
  });

  it("answers 404 for an unknown learner or integration, 400 without a learner, 401 for strangers", async () => {
    expect((await preview({ userName: "nobody-here" })).status).toBe(404);
    const missing = await callRoute(POST, {
      token: f.viewerToken,
      params: { id: "00000000-0000-4000-8000-000000000000" },
      body: { userName: "anne" },
    });
    expect(missing.status).toBe(404);
    const noUser = await preview({});
    expect(noUser.status).toBe(400);
    expect(noUser.body.error.details[0].path).toBe("userName");
    expect((await preview({ userName: "anne" }, "lms_forged")).status).toBe(401);
  });
});
