import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, mappingVersions } from "@/db/schema";
import { callRoute } from "@/lib/api/test-support/call-route";
import { createRouteFixture, type RouteFixture } from "@/lib/learners/test-support/route-fixture";
import { STANDARD_MAPPING } from "@/lib/mapping";
import { PUT } from "./route";

let f: RouteFixture;

beforeAll(async () => {
  f = await createRouteFixture();
});
afterAll(async () => {
  await f.t.drop();
});

const put = (body: unknown, token = f.adminToken, id = f.integrationId) =>
  callRoute(PUT, { method: "PUT", token, params: { id }, body });

describe("PUT /api/integrations/:id/mapping", () => {
  it("saves a valid mapping as the next version, keeps the old one and audits the change", async () => {
    const mapping = [
      { key: "employee.id", source: "user.userName" },
      { key: "result", source: "completion.bestCombined", transforms: "statusMap:100=passed,*=failed" },
      { key: "system", source: { const: "LMS" } },
    ];
    const saved = await put({ mapping, baseVersion: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body.integration.mappingVersion).toBe(2);
    expect(saved.body.integration.mapping).toEqual(mapping);
    expect(saved.body.warnings).toEqual([]);

    const versions = await f.t.db
      .select()
      .from(mappingVersions)
      .where(eq(mappingVersions.integrationId, f.integrationId));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    expect(versions.find((v) => v.version === 1)?.entries).toEqual([...STANDARD_MAPPING]);
    const audits = await f.t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "integration.mapping_save"));
    expect(audits).toHaveLength(1);

    const again = await put({ mapping: [...STANDARD_MAPPING] });
    expect(again.body.integration.mappingVersion).toBe(3);
  });

  it("refuses a bad chain with 400 and says where in the chain the problem is", async () => {
    const chain = "statusMap:100=passed|toInt|lowercse";
    const bad = await put({
      mapping: [
        { key: "status", source: "completion.bestCombined", transforms: chain },
        { key: "status", source: "user.email" },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("bad_request");
    expect(bad.body.error.message).toMatch(/lowercse/);
    const [first, second] = bad.body.error.details;
    expect(first).toMatchObject({
      path: "mapping.0.transforms",
      index: 0,
      field: "transforms",
      start: chain.indexOf("lowercse"),
      end: chain.length,
      message: expect.stringContaining('Did you mean "lowercase"?'),
    });
    expect(second).toMatchObject({ path: "mapping.1.key", index: 1, field: "key" });
  });

  it("refuses a mapping of the wrong shape with the zod issues", async () => {
    const bad = await put({ mapping: [{ key: "x", source: 42 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toMatch(/^mapping\.0\.source/);
  });

  it("answers 409 when someone saved since the editor opened its version", async () => {
    const stale = await put({ mapping: [{ key: "a", source: "user.email" }], baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.currentVersion).toBeGreaterThan(1);
  });

  it("keeps viewers, strangers and unknown integrations out", async () => {
    const mapping = [{ key: "a", source: "user.email" }];
    expect((await put({ mapping }, f.viewerToken)).status).toBe(403);
    expect((await put({ mapping }, "lms_forged")).status).toBe(401);
    expect((await put({ mapping }, f.adminToken, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await put({ mapping }, f.adminToken, "not-a-uuid")).status).toBe(404);
  });
});
