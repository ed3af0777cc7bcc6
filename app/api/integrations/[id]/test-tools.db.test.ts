import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { integrations, users as lmsUsers } from "@/db/schema";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { json, requireAuth } from "@/lib/delivery/test-support/servers";
import { applySecretChanges } from "@/lib/integrations/secrets";
import { RECEIVER_API_KEY, seedSyncFixture } from "@/lib/sync/test-support/fixture";
import { syncTestBed } from "@/lib/sync/test-support/test-bed";
import { planTestWithUsers } from "@/lib/testing-tools/test-with-user";
import { POST as testConnection } from "./test-connection/route";
import { POST as testUser } from "./test-user/route";

const bed = syncTestBed();
let token: string;
let integrationId: string;

beforeAll(async () => {
  process.env.DATABASE_URL = bed.t.url;
  bed.receiver.setDefault(
    requireAuth((r) => r.headers["x-api-key"] === RECEIVER_API_KEY, json(201, { accepted: true })),
  );
  ({ integrationId } = await seedSyncFixture(bed.t.db, {
    endpointUrl: `${bed.receiver.url}prod`,
    completions: 40,
    users: 10,
  }));
  token = (await createApiUsers(bed.t)).adminToken;
});

const counts = async () => {
  const [row] = await bed.t.sql<{ log: number; deliveries: number; runs: number }[]>`
    select (select count(*)::int from sync_log) as log, (select count(*)::int from deliveries) as deliveries,
           (select count(*)::int from sync_runs) as runs`;
  return row;
};

describe("Test with user", () => {
  it("sends the learners' latest completions for real, shows request and response, and writes nothing", async () => {
    const users = await bed.t.sql<{ user_name: string }[]>`
      select u.user_name from users u join completions c on c.user_id = u.id group by u.user_name order by count(*) desc limit 2`;
    const names = users.map((u) => u.user_name);
    const r = await callRoute(testUser, {
      token,
      params: { id: integrationId },
      body: { usernames: [...names, "nobody-here"], limit: 3 },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, target: "production", limit: 3 });
    const [a, b, missing] = r.body.results;
    expect(missing).toEqual({ userName: "nobody-here", known: false, found: false, exchanges: [] });
    await bed.t.db.insert(lmsUsers).values({
      userName: "new.starter",
      email: "new.starter@company.com",
      firstName: "New",
      lastName: "Starter",
    });
    const idle = await callRoute(testUser, {
      token,
      params: { id: integrationId },
      body: { usernames: ["NEW.STARTER@company.com"], limit: 3 },
    });
    // A learner without completions is known, so the page can tell "no completions" from "no such learner".
    expect(idle.body.results).toEqual([
      { userName: "NEW.STARTER@company.com", known: true, found: false, exchanges: [] },
    ]);
    for (const result of [a, b]) {
      expect(result.found).toBe(true);
      expect(result.exchanges.length).toBeGreaterThan(0);
      const dates = result.exchanges.map((e: { completionDate: string }) => e.completionDate);
      expect([...dates].sort().reverse()).toEqual(dates); // latest first
      for (const e of result.exchanges) {
        expect(e.outcome).toMatchObject({ ok: true, status: 201 });
        expect(e.request.headers["X-API-Key"] ?? e.request.headers["x-api-key"]).toBe("[redacted]");
        expect(e.request.body).toHaveProperty("employeeId");
      }
    }
    expect(r.text).not.toContain(RECEIVER_API_KEY);
    expect(bed.receiver.requests.length).toBe(a.exchanges.length + b.exchanges.length);
    expect(await counts()).toEqual({ log: 0, deliveries: 0, runs: 0 });
  });

  it("sends nothing more once its caller is gone (Cancel), the request in flight cut", async () => {
    const [row] = await bed.t.db.select().from(integrations).where(eq(integrations.id, integrationId));
    const users = await bed.t.sql<{ user_name: string }[]>`
      select u.user_name from users u join completions c on c.user_id = u.id group by u.user_name
      having count(*) >= 3 order by u.user_name limit 2`;
    const cancel = new AbortController();
    const before = bed.receiver.requests.length;
    // The receiver is slow; the admin cancels while the second payload is at it.
    bed.receiver.setDefault(async (req, res) => {
      if (bed.receiver.requests.length - before >= 2) cancel.abort();
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (!res.writableEnded) json(201, { accepted: true })(req, res);
    });
    try {
      const planned = await planTestWithUsers(bed.t.db, row!, {
        usernames: users.map((u) => u.user_name),
        limit: 3,
      });
      if (!planned.ok) throw new Error(planned.error);
      const report = await planned.send({ signal: cancel.signal });
      expect(report.ok).toBe(true);
      expect(bed.receiver.requests.length - before).toBe(2); // of the 6 it would have sent
    } finally {
      bed.receiver.setDefault(
        requireAuth((r) => r.headers["x-api-key"] === RECEIVER_API_KEY, json(201, { accepted: true })),
      );
    }
  });

  it("uses an unsaved mapping when given one, and refuses one that does not validate", async () => {
    const [u] = await bed.t.sql<{ user_name: string }[]>`select user_name from users order by id limit 1`;
    const mapping = [{ key: "who", source: "user.userName", transforms: "uppercase" }];
    const r = await callRoute(testUser, {
      token,
      params: { id: integrationId },
      body: { usernames: [u!.user_name], mapping, limit: 1 },
    });
    expect(r.body.results[0].exchanges[0].request.body).toEqual({ who: u!.user_name.toUpperCase() });
    const bad = await callRoute(testUser, {
      token,
      params: { id: integrationId },
      body: {
        usernames: ["anne"],
        mapping: [{ key: "x", source: "user.email", transforms: "stausMap:1=a" }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/statusMap/);
  });
});

describe("Test connection", () => {
  it("reports the stages and, with a wrong API key, the credentials diagnosis", async () => {
    const ok = await callRoute(testConnection, { token, params: { id: integrationId }, body: {} });
    expect(ok.status).toBe(200);
    expect(ok.body.result.stages.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(["dns", "connect", "tls", "http"]),
    );
    expect(ok.body.result.verdict).toBe("passed");

    const { secrets } = applySecretChanges({}, { apiKey: "a-wrong-api-key" });
    await bed.t.db.update(integrations).set({ secrets }).where(eq(integrations.id, integrationId));
    const wrong = await callRoute(testConnection, { token, params: { id: integrationId }, body: {} });
    expect(wrong.body.result.ok).toBe(false);
    expect(wrong.body.result.outcome.status).toBe(401);
    expect(`${wrong.body.result.diagnosis.cause} ${wrong.body.result.diagnosis.fix}`).toMatch(
      /API key|credential/i,
    );
    expect(await counts()).toEqual({ log: 0, deliveries: 0, runs: 0 });
  });
});
