import { beforeAll, describe, expect, it } from "vitest";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import type { Responder } from "@/lib/delivery/test-support/servers";
import { json } from "@/lib/delivery/test-support/servers";
import { RECEIVER_API_KEY, seedSyncFixture } from "@/lib/sync/test-support/fixture";
import { syncTestBed } from "@/lib/sync/test-support/test-bed";
import type { TestUserEvent } from "@/lib/testing-tools/output-schemas";
import { POST as testUser } from "./route";

// Test with user with Accept: application/x-ndjson: the page shows each exchange as it ends, and Cancel (the
// stream closed) stops the test.

const bed = syncTestBed();
let token: string;
let integrationId: string;
let learners: string[];

beforeAll(async () => {
  process.env.DATABASE_URL = bed.t.url;
  ({ integrationId } = await seedSyncFixture(bed.t.db, {
    endpointUrl: `${bed.receiver.url}prod`,
    completions: 40,
    users: 8,
  }));
  token = (await createApiUsers(bed.t)).adminToken;
  const rows = await bed.t.sql<{ user_name: string }[]>`
    select u.user_name from users u join completions c on c.user_id = u.id group by u.user_name
    having count(*) >= 3 order by u.user_name limit 2`;
  learners = rows.map((r) => r.user_name);
});

function streamTest(body: unknown, accept = "application/x-ndjson"): Promise<Response> {
  const request = new Request("http://localhost/api/test", {
    method: "POST",
    headers: { "content-type": "application/json", accept, authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return testUser(request, { params: Promise.resolve({ id: integrationId }) });
}

/** Reads a progress stream a line at a time, as the page does. */
function lineReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  const text: string[] = [];
  return {
    text,
    cancel: () => reader.cancel(),
    async next(): Promise<TestUserEvent | null> {
      for (;;) {
        const end = pending.indexOf("\n");
        if (end >= 0) {
          const line = pending.slice(0, end);
          pending = pending.slice(end + 1);
          text.push(line);
          return JSON.parse(line) as TestUserEvent;
        }
        const { done, value } = await reader.read();
        if (done) return null;
        pending += value;
      }
    },
  };
}

/** Answers the first request at once and holds every later one until `release`. */
function holdAfterFirst() {
  const before = bed.receiver.requests.length;
  const held: (() => void)[] = [];
  let isReleased = false;
  const answer = json(201, { accepted: true });
  const responder: Responder = async (req, res) => {
    if (bed.receiver.requests.length - before > 1 && !isReleased) {
      await new Promise<void>((resolve) => held.push(resolve));
    }
    if (!res.writableEnded && !res.destroyed) answer(req, res);
  };
  bed.receiver.setDefault(responder);
  return {
    sent: () => bed.receiver.requests.length - before,
    release() {
      isReleased = true;
      for (const resolve of held.splice(0)) resolve();
    },
  };
}

describe("Test with user's progress stream", () => {
  it("sends the plan first, each exchange as soon as it ends, then the whole reply; no secret in any line", async () => {
    const receiver = holdAfterFirst();
    const response = await streamTest({ usernames: [...learners, "nobody-here"], limit: 3 });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    // A proxy passes each line on at once (nginx buffers unless told not to; no-transform: no compression).
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const lines = lineReader(response);

    const plan = await lines.next();
    expect(plan).toMatchObject({ type: "plan", plan: { target: "production", limit: 3, total: 6 } });
    if (plan?.type !== "plan") throw new Error("no plan");
    expect(plan.plan.learners).toEqual([
      { userName: learners[0], known: true, found: true, completions: 3 },
      { userName: learners[1], known: true, found: true, completions: 3 },
      { userName: "nobody-here", known: false, found: false, completions: 0 },
    ]);
    // The first exchange arrives while the second request is still held at the receiver: the page sees it now,
    // not when the test ends.
    const first = await lines.next();
    expect(first).toMatchObject({ type: "exchange", learner: 0, userName: learners[0] });
    expect(first?.type === "exchange" && first.exchange.outcome).toMatchObject({ ok: true, status: 201 });
    expect(receiver.sent()).toBeLessThanOrEqual(2);
    receiver.release();

    const events: TestUserEvent[] = [first!];
    for (let e = await lines.next(); e; e = await lines.next()) events.push(e);
    const exchanges = events.filter((e) => e.type === "exchange");
    expect(exchanges.map((e) => e.learner)).toEqual([0, 0, 0, 1, 1, 1]);
    const done = events.at(-1);
    if (done?.type !== "done") throw new Error(`the stream ended with ${JSON.stringify(done)}`);
    // The last line is the reply the JSON answer gives, made of the same exchanges.
    expect(done.reply.results.map((r) => r.exchanges)).toEqual([
      exchanges.slice(0, 3).map((e) => e.exchange),
      exchanges.slice(3).map((e) => e.exchange),
      [],
    ]);
    expect(receiver.sent()).toBe(6);
    expect(lines.text.join("\n")).not.toContain(RECEIVER_API_KEY);
    expect(lines.text.join("\n")).toContain("[redacted]");
  });

  it("stops when the stream is closed (Cancel): the request in flight is cut and nothing more is sent", async () => {
    const receiver = holdAfterFirst();
    const lines = lineReader(await streamTest({ usernames: learners, limit: 3 }));
    expect((await lines.next())?.type).toBe("plan");
    expect((await lines.next())?.type).toBe("exchange");
    await expect.poll(receiver.sent).toBe(2); // the second, held at the receiver
    await lines.cancel();
    receiver.release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.sent()).toBe(2); // of the 6 it would have sent
  });

  it("answers refusals as JSON errors, before any stream", async () => {
    const bad = await streamTest({
      usernames: learners,
      mapping: [{ key: "x", source: "user.email", transforms: "stausMap:1=a" }],
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await bad.json()).error.message).toMatch(/statusMap/);
  });

  it("gives the one JSON reply to a caller that does not ask for the stream", async () => {
    bed.receiver.setDefault(json(201, { accepted: true }));
    const response = await streamTest({ usernames: [learners[0]], limit: 2 }, "application/json");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const reply = await response.json();
    expect(reply).toMatchObject({ ok: true, results: [{ userName: learners[0], found: true }] });
    expect(reply.results[0].exchanges).toHaveLength(2);
  });
});
