import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { apiTestDatabase } from "@/lib/api/test-support/api-test-database";
import { callRoute } from "@/lib/api/test-support/call-route";
import { POST as create } from "../../route";
import { POST as backfill } from "./route";

const api = apiTestDatabase();
let id: string;

beforeAll(async () => {
  const r = await callRoute(create, {
    token: api.adminToken,
    body: { name: "HR", endpointUrl: "https://hr.example.com/in", authType: "none" },
  });
  id = r.body.integration.id;
});

const send = (body: unknown) => callRoute(backfill, { token: api.adminToken, body, params: { id } });
const backfills = async () =>
  (await api.t.db.select().from(auditEvents).where(eq(auditEvents.action, "delivery.backfill"))).length;

describe("POST /api/integrations/:id/backfill", () => {
  // null, true and 0 were coerced to 1970-01-01: everything delivered again with new Idempotency-Keys.
  it.each([null, true, 0, "0000-01-01", "+275760-09-13", "2026-04-01T08:00:00", "last week"])(
    "since %o is a 400 at since, and nothing is delivered again",
    async (since) => {
      const r = await send({ since });
      expect(r.status).toBe(400);
      expect(r.body.error.details.map((d: { path: string }) => d.path)).toEqual(["since"]);
      expect(await backfills()).toBe(0);
    },
  );

  it("takes a date, or a date and time with its offset, as the log page sends it", async () => {
    expect((await send({ since: "2026-04-01" })).status).toBe(202);
    expect((await send({ since: "2026-04-01T08:00:00.000Z" })).status).toBe(202);
    expect(await backfills()).toBe(2);
  });
});
