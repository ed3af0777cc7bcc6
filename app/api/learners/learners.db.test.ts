import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "@/lib/api/test-support/call-route";
import { createRouteFixture, type RouteFixture } from "@/lib/learners/test-support/route-fixture";
import { buildPayload, FIELDS, STANDARD_MAPPING } from "@/lib/mapping";
import { GET as fields } from "../fields/route";
import { GET as completions } from "./[userName]/completions/route";
import { GET as search } from "./route";

let f: RouteFixture;

beforeAll(async () => {
  f = await createRouteFixture();
});
afterAll(async () => {
  await f.t.drop();
});

const find = (q: string, token = f.viewerToken) =>
  callRoute(search, { token, path: `/api/learners?q=${encodeURIComponent(q)}` });

describe("the learners API", () => {
  it("finds a learner by user name or e-mail, the exact match first", async () => {
    const byName = await find("anne");
    expect(byName.status).toBe(200);
    expect(byName.body.learners[0]).toMatchObject({
      userName: "anne",
      email: "anne@company.com",
      organisation: "HR department",
    });
    expect(byName.body.learners[0].completionCount).toBeGreaterThan(0);
    const byEmail = await find("ANNE@company.COM");
    expect(byEmail.body.learners.map((l: { userName: string }) => l.userName)).toEqual(["anne"]);
  });

  it("lists at most ten learners, and treats % and _ literally", async () => {
    const all = await find("");
    expect(all.body.learners).toHaveLength(10);
    const many = await find("company.com");
    expect(many.body.learners).toHaveLength(10);
    expect((await find("%")).body.learners).toEqual([]);
    expect((await find("_")).body.learners).toEqual([]);
    const tooMany = await callRoute(search, { token: f.viewerToken, path: "/api/learners?limit=11" });
    expect(tooMany.status).toBe(400);
  });

  it("returns a learner's completions in the record shape the mapping reads", async () => {
    const r = await callRoute(completions, {
      token: f.viewerToken,
      path: "/api/learners/anne%40company.com/completions?limit=50",
      params: { userName: "anne@company.com" },
    });
    expect(r.status).toBe(200);
    expect(r.body.learner.userName).toBe("anne");
    const dates = r.body.records.map(
      (x: { completion: { completionDate: string } }) => x.completion.completionDate,
    );
    expect([...dates].sort().reverse()).toEqual(dates);
    const gdpr = r.body.records.find(
      (x: { activity: { activityName: string } }) => x.activity.activityName === "GDPR introduction",
    );
    const built = buildPayload([...STANDARD_MAPPING], gdpr);
    expect(built).toMatchObject({ ok: true, payload: { employeeId: "anne@company.com" } });
    const unknown = await callRoute(completions, { token: f.viewerToken, params: { userName: "nobody" } });
    expect(unknown.status).toBe(404);
  });

  it("needs a login", async () => {
    expect((await find("anne", "lms_forged")).status).toBe(401);
  });
});

describe("GET /api/fields", () => {
  it("lists every LMS field with its type and description, and the transforms", async () => {
    const r = await callRoute(fields, { token: f.viewerToken });
    expect(r.status).toBe(200);
    expect(r.body.fields.map((x: { name: string }) => x.name)).toEqual(FIELDS.map((x) => x.name));
    expect(r.body.fields[0]).toMatchObject({
      name: "user.email",
      type: "string",
      description: expect.any(String),
    });
    expect(r.body.transforms.map((x: { name: string }) => x.name)).toContain("statusMap");
  });
});
