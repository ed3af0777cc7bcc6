import { beforeAll, describe, expect, it } from "vitest";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { json } from "@/lib/delivery/test-support/servers";
import { runSync } from "@/lib/sync/run-sync";
import { seedSyncFixture } from "@/lib/sync/test-support/fixture";
import { syncTestBed } from "@/lib/sync/test-support/test-bed";
import { POST as resend } from "./[deliveryId]/resend/route";
import { GET as timeline } from "./[deliveryId]/route";
import { POST as skip } from "./[deliveryId]/skip/route";
import { GET as counts } from "./route";

const bed = syncTestBed();
let adminToken: string;
let id: string;

beforeAll(async () => {
  process.env.DATABASE_URL = bed.t.url;
  ({ adminToken } = await createApiUsers(bed.t));
  // Every other request is refused, so the run leaves both delivered and retrying completions.
  let n = 0;
  bed.receiver.setDefault((req, res) => {
    n += 1;
    return (n % 2 === 0 ? json(500, { error: "busy" }) : json(200, { ok: true }))(req, res);
  });
  ({ integrationId: id } = await seedSyncFixture(bed.t.db, {
    endpointUrl: `${bed.receiver.url}in`,
    completions: 10,
    integration: { failureThreshold: 100, concurrency: 1 },
  }));
  await runSync(bed.t.db, id, "manual");
});

const deliveryIn = async (state: string) => {
  const [row] = await bed.t.sql<{ id: number }[]>`
    select id from deliveries where integration_id = ${id} and state = ${state} order by id limit 1`;
  return String(row!.id);
};
const stateOf = async (deliveryId: string) =>
  (await bed.t.sql<{ state: string }[]>`select state from deliveries where id = ${Number(deliveryId)}`)[0]!
    .state;
const act = (handler: typeof resend, deliveryId: string) =>
  callRoute(handler, { token: adminToken, params: { id, deliveryId }, body: {} });

describe("delivery counts and safe actions", () => {
  it("counts deliveries by state with the next retry time, and what a backfill since a date would send", async () => {
    const r = await callRoute(counts, { token: adminToken, path: `/x?since=2000-01-01`, params: { id } });
    expect(r.status).toBe(200);
    expect(r.body.counts).toEqual({ pending: 0, retrying: 5, failed: 0, skipped: 0, succeeded: 5 });
    expect(new Date(r.body.nextRetryAt).getTime()).toBeGreaterThan(Date.now());
    expect(r.body.backfill.completions).toBe(10);
    const none = await callRoute(counts, { token: adminToken, path: "/x", params: { id } });
    expect(none.body.backfill).toBeNull();
  });

  it("refuses to resend or skip a delivered completion, and leaves it delivered", async () => {
    const delivered = await deliveryIn("succeeded");
    for (const handler of [resend, skip]) {
      const r = await act(handler, delivered);
      expect(r.status).toBe(409);
      expect(r.body.error.message).toMatch(/already delivered/);
    }
    expect(await stateOf(delivered)).toBe("succeeded");
  });

  it("skips a retrying completion, and a resend undoes the skip", async () => {
    const retrying = await deliveryIn("retrying");
    expect((await act(skip, retrying)).status).toBe(202);
    expect(await stateOf(retrying)).toBe("skipped");
    expect((await act(resend, retrying)).status).toBe(202);
    expect(await stateOf(retrying)).toBe("pending");
    const audit = await bed.t.sql<{ action: string }[]>`
      select action from audit_events where resource_id = ${retrying} order by id`;
    expect(audit.map((a) => a.action)).toEqual(["delivery.skip", "delivery.resend"]);
  });

  it("tells a delivery's story: every attempt, the next retry, and who skipped and resent it", async () => {
    const [row] = await bed.t.sql<{ id: number }[]>`
      select delivery_id as id from audit_events a join sync_log l on l.delivery_id = a.resource_id::bigint
      where a.action = 'delivery.skip' limit 1`;
    const r = await callRoute(timeline, { token: adminToken, params: { id, deliveryId: String(row!.id) } });
    expect(r.status).toBe(200);
    expect(r.body.delivery).toMatchObject({
      state: "pending",
      attempts: 1,
      nextAttemptAt: expect.any(String),
    });
    expect(r.body.attempts).toEqual([
      expect.objectContaining({ attempt: 1, outcome: "failure", status: 500, entryId: expect.any(Number) }),
    ]);
    expect(r.body.actions.map((a: { action: string; by: string }) => [a.action, a.by])).toEqual([
      ["delivery.skip", "admin@t.local (token)"],
      ["delivery.resend", "admin@t.local (token)"],
    ]);
    const delivered = await deliveryIn("succeeded");
    const done = await callRoute(timeline, { token: adminToken, params: { id, deliveryId: delivered } });
    expect(done.body.delivery).toMatchObject({ state: "succeeded", nextAttemptAt: null });
    expect(done.body.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(["success"]);
    expect(
      (await callRoute(timeline, { token: adminToken, params: { id, deliveryId: "999999" } })).status,
    ).toBe(404);
  });
});
