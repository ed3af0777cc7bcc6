import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { testClock } from "@/lib/clock";
import { json, type RecordedRequest } from "@/lib/delivery/test-support/servers";
import { runSync } from "@/lib/sync/run-sync";
import { seedSyncFixture } from "@/lib/sync/test-support/fixture";
import { syncTestBed } from "@/lib/sync/test-support/test-bed";
import { GET as getIntegration } from "../route";
import { POST as testConnection } from "../test-connection/route";
import { POST as testUser } from "../test-user/route";
import { POST as rotate } from "./rotate/route";
import { GET as status, DELETE as turnOff, POST as turnOn } from "./route";

const bed = syncTestBed();
let token: string;
let viewerToken: string;
let id: string;

beforeAll(async () => {
  process.env.DATABASE_URL = bed.t.url;
  bed.receiver.setDefault(json(200, { ok: true }));
  ({ integrationId: id } = await seedSyncFixture(bed.t.db, {
    endpointUrl: `${bed.receiver.url}completions`,
    completions: 6,
    users: 3,
  }));
  ({ adminToken: token, viewerToken } = await createApiUsers(bed.t));
});

const headersOf = (r: RecordedRequest) => ({
  "webhook-id": String(r.headers["webhook-id"]),
  "webhook-timestamp": String(r.headers["webhook-timestamp"]),
  "webhook-signature": String(r.headers["webhook-signature"]),
});
/** Verified by the reference library, as a receiver would (it throws on a bad or stale signature). */
const verifies = (secret: string, r: RecordedRequest) => {
  try {
    new Webhook(secret).verify(r.body, headersOf(r));
    return true;
  } catch {
    return false;
  }
};
const sent = async (send: () => Promise<unknown>) => {
  const before = bed.receiver.requests.length;
  await send();
  return bed.receiver.requests.slice(before);
};
const storedText = async () => {
  const rows = await bed.t.sql`select secrets::text as s from integrations`;
  const audit = await bed.t.sql`select diff::text as d from audit_events`;
  return JSON.stringify([rows, audit]);
};

describe("outbound signing", () => {
  let secret: string;

  it("is off by default: requests carry no signature headers", async () => {
    const r = await callRoute(status, { token: viewerToken, params: { id } });
    expect(r.body).toEqual({ signing: { enabled: false, secrets: [] } });
    const reqs = await sent(() => callRoute(testConnection, { token, params: { id }, body: {} }));
    expect(reqs[0]!.headers["webhook-signature"]).toBeUndefined();
  });

  it("turned on, shows the secret once and keeps it out of every reply and table", async () => {
    const denied = await callRoute(turnOn, { token: viewerToken, params: { id }, body: {} });
    expect(denied.status).toBe(403);
    const on = await callRoute(turnOn, { token, params: { id }, body: {} });
    expect(on.status).toBe(201);
    secret = on.body.signingSecret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(on.body.signing).toMatchObject({ enabled: true, secrets: [{ validUntil: null }] });
    const again = await callRoute(turnOn, { token, params: { id }, body: {} });
    expect(again.status).toBe(409);
    const views = [
      await callRoute(status, { token, params: { id } }),
      await callRoute(getIntegration, { token, params: { id } }),
    ];
    for (const v of views) expect(v.text).not.toContain(secret.slice(6, 30));
    expect(views[1]!.body.integration.secrets).toEqual({ apiKey: expect.any(Object) });
    expect(await storedText()).not.toContain(secret.slice(6, 30));
    const [event] = await bed.t.sql<{ action: string }[]>`
      select action from audit_events where action like 'integration.signing%'`;
    expect(event!.action).toBe("integration.signing_enable");
  });

  it("signs every request of a sync run, verified by the reference library; webhook-id is the Idempotency-Key", async () => {
    const reqs = await sent(() => runSync(bed.t.db, id, "manual"));
    expect(reqs).toHaveLength(6);
    for (const r of reqs) {
      expect(verifies(secret, r)).toBe(true);
      expect(r.headers["webhook-id"]).toBe(r.headers["idempotency-key"]);
      expect(String(r.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    }
    // A tampered body does not verify: the signature covers the exact bytes sent.
    expect(verifies(secret, { ...reqs[0]!, body: reqs[0]!.body.replace("}", ', "x": 1}') })).toBe(false);
    const log = await bed.t.sql<{ h: string }[]>`select request_headers::text as h from sync_log`;
    expect(JSON.stringify(log)).not.toContain(secret.slice(6, 30));
  });

  it("signs Test connection and Test with user too", async () => {
    const conn = await sent(() => callRoute(testConnection, { token, params: { id }, body: {} }));
    expect(conn).toHaveLength(1);
    expect(verifies(secret, conn[0]!)).toBe(true);
    const [u] = await bed.t.sql<{ user_name: string }[]>`
      select u.user_name from users u join completions c on c.user_id = u.id limit 1`;
    const tried = await sent(() =>
      callRoute(testUser, { token, params: { id }, body: { usernames: [u!.user_name], limit: 2 } }),
    );
    expect(tried.length).toBeGreaterThan(0);
    for (const r of tried) expect(verifies(secret, r)).toBe(true);
  });

  it("after a rotation sends both signatures during the overlap and only the new one after it", async () => {
    const rotated = await callRoute(rotate, { token, params: { id }, body: { overlapHours: 24 } });
    expect(rotated.status).toBe(200);
    const fresh: string = rotated.body.signingSecret;
    expect(fresh).not.toBe(secret);
    const [current, previous] = rotated.body.signing.secrets;
    expect(current.validUntil).toBeNull();
    expect(Date.parse(previous.validUntil) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);

    const during = await sent(() => callRoute(testConnection, { token, params: { id }, body: {} }));
    expect(String(during[0]!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verifies(fresh, during[0]!)).toBe(true);
    expect(verifies(secret, during[0]!)).toBe(true);

    // A run 25 hours later: the old secret's overlap has ended, so only the new one signs.
    await bed.t.sql`update deliveries set state = 'pending', next_attempt_at = now()`;
    const clock = testClock();
    clock.advance(25 * 3_600_000);
    const after = await sent(() => runSync(bed.t.db, id, "manual", { clock }));
    expect(after.length).toBeGreaterThan(0);
    for (const r of after) {
      const h = headersOf(r);
      const stamped = new Date(Number(h["webhook-timestamp"]) * 1000);
      expect(h["webhook-signature"]).toBe(new Webhook(fresh).sign(h["webhook-id"], stamped, r.body));
      expect(h["webhook-signature"]).not.toContain(
        new Webhook(secret).sign(h["webhook-id"], stamped, r.body),
      );
    }
  });

  it("turned off, sends unsigned requests and forgets the secrets", async () => {
    const off = await callRoute(turnOff, { token, params: { id } });
    expect(off.body).toEqual({ signing: { enabled: false, secrets: [] } });
    const reqs = await sent(() => callRoute(testConnection, { token, params: { id }, body: {} }));
    expect(reqs[0]!.headers["webhook-signature"]).toBeUndefined();
    const [row] = await bed.t.sql<
      { keys: string[] }[]
    >`select array(select jsonb_object_keys(secrets)) as keys from integrations`;
    expect(row!.keys).toEqual(["apiKey"]);
    expect((await callRoute(rotate, { token, params: { id }, body: {} })).status).toBe(409);
  });
});
