import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { ensureTestSecretKey } from "@/lib/sync/test-support/fixture";
import { GET as exportLog } from "./integrations/[id]/log/export/route";
import { GET as listLog } from "./integrations/[id]/log/route";
import { PUT as saveMapping } from "./integrations/[id]/mapping/route";
import { POST as create } from "./integrations/route";
import { GET as learnerCompletions } from "./learners/[userName]/completions/route";

let t: TestDatabase;
let adminToken: string;
let id: string;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ensureTestSecretKey();
  ({ adminToken } = await createApiUsers(t));
  const created = await callRoute(create, {
    token: adminToken,
    body: {
      name: "HR",
      endpointUrl: "https://hr.example.com/in",
      authType: "api_key",
      secrets: { apiKey: "k-12345678" },
    },
  });
  id = created.body.integration.id;
});
afterAll(async () => {
  await t.drop();
});

const fields = (r: { body: { error: { details?: { path: string }[] } } }) =>
  (r.body.error.details ?? []).map((d) => d.path);

describe("NUL bytes and broken characters in input are a 400 on the field, never a 500", () => {
  it.each([
    [{ name: "HR\u0000" }, "name"],
    [{ name: "HR", endpointUrl: "https://hr.example.com/\u0000" }, "endpointUrl"],
    [{ name: "HR\uD800" }, "name"],
    [{ customHeaders: { "X-A": "v\u0000" } }, "customHeaders.X-A"],
  ])("creating with %o", async (change, path) => {
    const body = {
      name: "HR",
      endpointUrl: "https://hr.example.com/in",
      authType: "api_key",
      secrets: { apiKey: "k-12345678" },
      ...change,
    };
    const r = await callRoute(create, { token: adminToken, body });
    expect(r.status).toBe(400);
    expect(fields(r)).toEqual([path]);
  });

  it("a mapping key or transform with a NUL byte", async () => {
    for (const entry of [
      { key: "a\u0000", source: "user.email" },
      { key: "a", source: "user.email", transforms: "concat:x\u0000" },
    ]) {
      const r = await callRoute(saveMapping, {
        method: "PUT",
        token: adminToken,
        params: { id },
        body: { mapping: [entry] },
      });
      expect(r.status, JSON.stringify(entry)).toBe(400);
      expect(fields(r)[0]).toMatch(/^mapping\.0\./);
    }
  });

  it.each(["q=%00", "user=%00", "from=99999-01-01", "to=0001-01-01", "from=yesterday"])(
    "log filter %s, in the list and in the export (before any byte of the download)",
    async (filter) => {
      for (const handler of [listLog, exportLog]) {
        const r = await callRoute(handler, {
          token: adminToken,
          path: `/api/integrations/${id}/log?${filter}`,
          params: { id },
        });
        expect(r.status).toBe(400);
        expect(r.body.error.code).toBe("bad_request");
      }
    },
  );

  it("a learner name with a NUL byte in the path", async () => {
    const r = await callRoute(learnerCompletions, {
      token: adminToken,
      path: "/api/learners/a%00b/completions",
      params: { userName: "a\u0000b" },
    });
    expect(r.status).toBe(400);
  });
});
