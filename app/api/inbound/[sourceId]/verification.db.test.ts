import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as rotate } from "@/app/api/inbound-sources/[id]/rotate/route";
import { inboundLog, inboundSources, users } from "@/db/schema";
import { callRoute } from "@/lib/api/test-support/call-route";
import { createApiToken } from "@/lib/auth/api-tokens";
import {
  createInboundFixture,
  createTestSource,
  type InboundFixture,
} from "@/lib/inbound/test-support/fixture";
import { postInbound, postSigned, signedHeaders } from "@/lib/inbound/test-support/inbound-request";
import { POST } from "./route";

let f: InboundFixture;
let source: { id: string; secret: string };

const person = (userName: string, firstName = "Anne") => ({
  type: "users",
  userName,
  email: `${userName}@company.com`,
  firstName,
  lastName: "Hansen",
});

async function lastLog() {
  const [row] = await f.t.db
    .select()
    .from(inboundLog)
    .where(eq(inboundLog.sourceId, source.id))
    .orderBy(sql`${inboundLog.id} desc`)
    .limit(1);
  return row!;
}
const userNamed = async (userName: string) =>
  (await f.t.db.select().from(users).where(eq(users.userName, userName)))[0];

beforeAll(async () => {
  f = await createInboundFixture();
  source = await createTestSource(f.adminToken);
});
afterAll(async () => {
  await f.t.drop();
});

describe("POST /api/inbound/:sourceId verifies where a request comes from", () => {
  it("stores a request signed with the standardwebhooks library and logs how it was verified", async () => {
    const r = await postSigned(POST, source.id, source.secret, person("good"), { id: "msg_good" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ outcome: "accepted", ok: 1, failed: 0, replayed: false });
    expect(await userNamed("good")).toMatchObject({ email: "good@company.com", active: true });
    expect(await lastLog()).toMatchObject({
      outcome: "accepted",
      status: 200,
      verifiedBy: "signature",
      verifiedAs: "current secret",
      messageId: "msg_good",
      kind: "users",
      itemsOk: 1,
    });
  });

  it("refuses a tampered body with 401, stores nothing and logs why", async () => {
    const body = JSON.stringify(person("tampered"));
    const headers = signedHeaders(source.secret, body);
    const r = await postInbound(POST, source.id, body.replace("Anne", "Mallory"), headers);
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(/No signature matches/);
    expect(await userNamed("tampered")).toBeUndefined();
    expect(await lastLog()).toMatchObject({ outcome: "refused", status: 401, verifiedBy: "none" });
    expect((await lastLog()).body).toContain("Mallory");
  });

  it("refuses a request signed 6 minutes ago (replay window)", async () => {
    const at = new Date(Date.now() - 6 * 60_000);
    const r = await postSigned(POST, source.id, source.secret, person("stale"), { at });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(/webhook-timestamp is 36\d s old; it must be within 5 minutes/);
    expect(await userNamed("stale")).toBeUndefined();
    expect((await lastLog()).reason).toMatch(/s old/);
  });

  it("answers a replayed webhook-id with 200 and does nothing again", async () => {
    const first = await postSigned(POST, source.id, source.secret, person("replay"), { id: "msg_replay" });
    expect(first.body.outcome).toBe("accepted");
    await f.t.db.update(users).set({ firstName: "Changed here" }).where(eq(users.userName, "replay"));
    // The same id again, even re-signed now with another body: the source already processed it.
    const again = await postSigned(POST, source.id, source.secret, person("replay", "Replayed"), {
      id: "msg_replay",
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: "replayed", replayed: true, ok: 0, results: [] });
    expect((await userNamed("replay"))?.firstName).toBe("Changed here");
    expect(await lastLog()).toMatchObject({ outcome: "replayed", messageId: "msg_replay" });
    expect((await lastLog()).reason).toContain(`log entry ${first.body.logId}`);
  });

  it("accepts the previous secret during the rotation overlap and refuses it after", async () => {
    const own = await createTestSource(f.adminToken, { name: "Rotating" });
    const rotated = await callRoute(rotate, {
      token: f.adminToken,
      params: { id: own.id },
      body: { overlapHours: 1 },
    });
    expect(rotated.status).toBe(200);
    const next = rotated.body.signingSecret as string;
    expect(next).not.toBe(own.secret);
    expect(rotated.body.source.secrets).toHaveLength(2);

    const old = await postSigned(POST, own.id, own.secret, person("rot-old"));
    expect(old.status).toBe(200);
    const current = await postSigned(POST, own.id, next, person("rot-new"));
    expect(current.status).toBe(200);
    const logged = await f.t.db
      .select({ verifiedAs: inboundLog.verifiedAs })
      .from(inboundLog)
      .where(eq(inboundLog.sourceId, own.id))
      .orderBy(inboundLog.id);
    expect(logged.map((l) => l.verifiedAs)).toEqual(["previous secret", "current secret"]);

    // The overlap ends: date the previous secret's end back instead of waiting an hour.
    const [row] = await f.t.db.select().from(inboundSources).where(eq(inboundSources.id, own.id));
    const secrets = row!.secrets.map((s, i) =>
      i === 1 ? { ...s, validUntil: new Date(Date.now() - 1000).toISOString() } : s,
    );
    await f.t.db.update(inboundSources).set({ secrets }).where(eq(inboundSources.id, own.id));
    const after = await postSigned(POST, own.id, own.secret, person("rot-late"));
    expect(after.status).toBe(401);
    expect(await userNamed("rot-late")).toBeUndefined();
    expect((await postSigned(POST, own.id, next, person("rot-late"))).status).toBe(200);
  });

  it("takes an API token with the inbound scope instead of a signature, and refuses one without it", async () => {
    const inbound = await createApiToken(f.t.db, "viewer@t.local", "hr feed", ["inbound"]);
    const apiOnly = await createApiToken(f.t.db, "admin@t.local", "script");
    if (!inbound.ok || !apiOnly.ok) throw new Error("no tokens");
    const send = (token: string, userName: string) =>
      postInbound(POST, source.id, JSON.stringify(person(userName)), { authorization: `Bearer ${token}` });

    const ok = await send(inbound.token, "by-token");
    expect(ok.status).toBe(200);
    expect(await lastLog()).toMatchObject({
      verifiedBy: "token",
      verifiedAs: expect.stringMatching(/^token lms_.{4}… of viewer@t.local$/),
    });

    const refused = await send(apiOnly.token, "by-api-token");
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/lacks the inbound scope/);
    expect(await userNamed("by-api-token")).toBeUndefined();
    expect((await lastLog()).body).not.toContain(apiOnly.token);

    expect((await send("lms_unknown", "by-unknown")).body.error.message).toMatch(/unknown or revoked/);
    const none = await postInbound(POST, source.id, JSON.stringify(person("nobody")), {});
    expect(none.status).toBe(401);
    expect(none.body.error.message).toMatch(/Standard Webhooks .* or send Authorization: Bearer/);
  });

  it("does not let an inbound-only token call the rest of the API", async () => {
    const inbound = await createApiToken(f.t.db, "admin@t.local", "feed", ["inbound"]);
    if (!inbound.ok) throw new Error("no token");
    const r = await callRoute(rotate, { token: inbound.token, params: { id: source.id }, body: {} });
    expect(r.status).toBe(401);
  });

  it("refuses a body over 5 MB with 413, by Content-Length and by the bytes read, and logs both", async () => {
    const chunk = new TextEncoder().encode("x".repeat(1024 * 1024));
    let sent = 0;
    const sixMegabytes = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += 1;
          if (sent > 6) controller.close();
          else controller.enqueue(chunk);
        },
      });
    const declared = await postInbound(POST, source.id, sixMegabytes(), {
      "content-length": String(6 * 1024 * 1024),
    });
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ code: "payload_too_large" });
    expect(declared.body.error.message).toMatch(/by Content-Length; at most 5 MB/);
    expect(sent).toBeLessThanOrEqual(1);
    expect(await lastLog()).toMatchObject({ outcome: "invalid", status: 413, bodyBytes: 0 });

    // A sender that streams without a length: the reader stops once it passes the limit.
    sent = 0;
    const streamed = await postInbound(POST, source.id, sixMegabytes(), {});
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.message).toMatch(/over 5 MB/);
    const log = await lastLog();
    expect(log).toMatchObject({ outcome: "invalid", status: 413, bodyTruncated: true });
    expect(log.bodyBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(log.body.length).toBeLessThanOrEqual(64 * 1024);
  });

  it("logs a body too large to verify with the signing secret and the bearer token masked, in any form", async () => {
    const secret = source.secret.replace(/^whsec_/, "");
    // As a sender's JSON may write it: "/" escaped ("\/", as PHP's json_encode does).
    const escaped = secret.replaceAll("/", "\\/");
    const head = `{"leaked":"${source.secret}","escaped":"${escaped}","token":"tok_0123456789abcdef"}`;
    const big = `${head}${" ".repeat(5 * 1024 * 1024)}`;
    const r = await postInbound(POST, source.id, big, { authorization: "Bearer tok_0123456789abcdef" });
    expect(r.status).toBe(413);
    const log = await lastLog();
    expect(log.body.startsWith('{"leaked":"whsec_[redacted]"')).toBe(true);
    expect(log.body).not.toContain(secret);
    expect(log.body).not.toContain(escaped);
    expect(log.body).not.toContain("tok_0123456789abcdef");
  });

  it("answers 404 for an unknown source", async () => {
    const r = await postSigned(POST, "00000000-0000-4000-8000-000000000000", source.secret, person("x"));
    expect(r.status).toBe(404);
  });
});
