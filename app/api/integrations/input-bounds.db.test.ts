// What the integrations API refuses with a 400 at the field, where it used to guess (1970 for null) or fail (a 500).
import { beforeAll, describe, expect, it } from "vitest";
import { findIntegration } from "@/db/queries/integrations";
import { apiTestDatabase } from "@/lib/api/test-support/api-test-database";
import { callRoute } from "@/lib/api/test-support/call-route";
import { PATCH } from "./[id]/route";
import { POST as create, GET as list } from "./route";

const api = apiTestDatabase();
let id: string;

const MINIMAL = { name: "HR", endpointUrl: "https://hr.example.com/in", authType: "none" };
const SEND_FROM = "2026-01-01T00:00:00.000Z";

beforeAll(async () => {
  const r = await callRoute(create, { token: api.adminToken, body: { ...MINIMAL, sendFrom: SEND_FROM } });
  expect(r.status).toBe(201);
  id = r.body.integration.id;
});

const patch = (body: unknown) =>
  callRoute(PATCH, { method: "PATCH", token: api.adminToken, body, params: { id } });
const paths = (r: { body: { error: { details?: { path: string }[] } } }) =>
  (r.body.error.details ?? []).map((d) => d.path);

describe("sendFrom is ISO 8601 text in 1970–9999, never coerced", () => {
  it.each([null, true, 0, "0000-01-01", "+275760-09-13", "2026-04-01T08:00:00", "soon"])(
    "PATCH {sendFrom: %o} is a 400 at sendFrom and changes nothing",
    async (sendFrom) => {
      const r = await patch({ sendFrom });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("bad_request");
      expect(paths(r)).toEqual(["sendFrom"]);
      expect((await findIntegration(api.t.db, id))!.sendFrom.toISOString()).toBe(SEND_FROM);
    },
  );

  it("POST with a year PostgreSQL cannot store is a 400, not a 500", async () => {
    for (const sendFrom of ["0000-01-01", "+275760-09-13", null]) {
      const r = await callRoute(create, { token: api.adminToken, body: { ...MINIMAL, sendFrom } });
      expect(r.status, String(sendFrom)).toBe(400);
      expect(paths(r)).toEqual(["sendFrom"]);
    }
  });

  it("takes what the settings form sends (toISOString) and a plain date", async () => {
    expect((await patch({ sendFrom: "2026-03-01T07:30:00.000Z" })).body.integration.sendFrom).toBe(
      "2026-03-01T07:30:00.000Z",
    );
    expect((await patch({ sendFrom: "2026-02-01" })).body.integration.sendFrom).toBe(
      "2026-02-01T00:00:00.000Z",
    );
    expect((await patch({ sendFrom: SEND_FROM })).status).toBe(200);
  });
});

describe("a PATCH's version", () => {
  it("above PostgreSQL's integer is a 400 at version, not a 500", async () => {
    const r = await patch({ name: "HR 2", version: 2 ** 31 });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(["version"]);
    const stale = await patch({ name: "HR 2", version: 2 ** 31 - 1 });
    expect(stale.status).toBe(409);
  });
});

describe("time zones are the ones PostgreSQL knows", () => {
  it.each(["US/Pacific-New", "Canada/East-Saskatchewan", "Etc/UTC"])(
    "GET ?tz=%s counts the chart in its canonical zone (was a 500)",
    async (tz) => {
      const r = await callRoute(list, {
        token: api.adminToken,
        path: `/api/integrations?tz=${encodeURIComponent(tz)}`,
      });
      expect(r.status).toBe(200);
      expect(r.body.integrations[0].stats.daily.length).toBeGreaterThan(0);
    },
  );

  it("GET ?tz=SystemV/EST5 (which PostgreSQL lacks and Intl has no canonical name for) is a 400 at tz", async () => {
    const r = await callRoute(list, { token: api.adminToken, path: "/api/integrations?tz=SystemV/EST5" });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(["tz"]);
  });

  it("a schedule's zone is saved by its canonical name", async () => {
    const r = await patch({ scheduleTimeZone: "US/Pacific-New" });
    expect(r.status).toBe(200);
    expect(r.body.integration.scheduleTimeZone).toBe("America/Los_Angeles");
    const refused = await patch({ scheduleTimeZone: "SystemV/EST5" });
    expect(refused.status).toBe(400);
    expect(paths(refused)).toEqual(["scheduleTimeZone"]);
  });
});

describe("creating refuses keys it does not know", () => {
  it("a misspelt setting is a 400 naming it, not ignored", async () => {
    const r = await callRoute(create, { token: api.adminToken, body: { ...MINIMAL, timeout: 45_000 } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain("timeout");
    const { integrations } = (await callRoute(list, { token: api.adminToken })).body;
    expect(integrations).toHaveLength(1);
  });
});
