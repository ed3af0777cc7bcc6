import type { ServerResponse } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { integrations, notifications, syncLog } from "@/db/schema";
import { createTestDatabase, type TestDatabase, truncateAll } from "@/db/test/database";
import { json, type Receiver, startReceiver } from "@/lib/delivery/test-support/servers";
import { runSync } from "./run-sync";
import { seedSyncFixture } from "./test-support/fixture";
import { waitUntil } from "./test-support/worker-process";

let t: TestDatabase;
let receiver: Receiver;
let plainPort: Receiver;
beforeAll(async () => {
  t = await createTestDatabase();
  [receiver, plainPort] = await Promise.all([startReceiver(), startReceiver({ plain: true })]);
});
afterEach(async () => {
  await truncateAll(t);
  receiver.requests.length = 0;
});
afterAll(async () => {
  await Promise.all([receiver.close(), plainPort.close()]);
  await t.drop();
});

const THRESHOLD = 20;
const CONCURRENCY = 8;
const LIBRARY_TEXT = /SSL routines|error:[0-9A-F]{8}|ERR_SSL|openssl/;

const inbox = () => t.db.select().from(notifications).orderBy(notifications.id);
const integrationRow = async (id: string) =>
  (await t.db.select().from(integrations).where(eq(integrations.id, id)))[0]!;

describe("the failure threshold", () => {
  it("is exact: at the threshold no attempt starts, those in flight finish and are logged, and the notices say how many failed in a row", async () => {
    // The receiver answers only when the test says so, one request at a time, always 500.
    const waiting: ServerResponse[] = [];
    receiver.setDefault((_req, res) => void waiting.push(res));
    const fail = () => json(500, { error: "HR system down" })({} as never, waiting.shift()!);
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: `${receiver.url}completions`,
      completions: 200,
      integration: { concurrency: CONCURRENCY, failureThreshold: THRESHOLD },
    });
    const run = runSync(t.db, integrationId, "manual");
    const slotsFull = () =>
      waitUntil(
        () => waiting.length === CONCURRENCY,
        30_000,
        () => `${waiting.length} requests in flight, ${receiver.requests.length} sent`,
      );
    // Each failure frees one slot, which the next attempt takes, until the threshold-th failure.
    for (let failures = 0; failures < THRESHOLD; failures++) {
      await slotsFull();
      fail();
    }
    await waitUntil(
      async () => (await integrationRow(integrationId)).status === "auto_disabled",
      30_000,
      () => "never disabled",
    );
    // Nothing started after it: the others are still in flight, and their failures are logged once they end.
    expect(waiting).toHaveLength(CONCURRENCY - 1);
    while (waiting.length > 0) fail();
    expect(await run).toMatchObject({ status: "stopped", stopReason: "auto_disabled" });
    const inFlightAtStop = CONCURRENCY - 1;
    expect(receiver.requests).toHaveLength(THRESHOLD + inFlightAtStop);
    const log = await t.db.select().from(syncLog).where(eq(syncLog.integrationId, integrationId));
    expect(log.map((l) => l.outcome)).toEqual(Array(THRESHOLD + inFlightAtStop).fill("failure"));
    expect((await integrationRow(integrationId)).consecutiveFailures).toBe(THRESHOLD + inFlightAtStop);

    const notices = await inbox();
    expect(notices.map((n) => [n.kind, n.title])).toEqual([
      ["integration.failing", `Test receiver is failing: ${THRESHOLD / 2} in a row`],
      ["integration.auto_disabled", `Test receiver was disabled after ${THRESHOLD} failed attempts in a row`],
    ]);
    expect(notices[1]?.body).toContain("HTTP 500");
  });

  it("a receiver that does not speak TLS: the log, the disabled reason and the notification say so in words, the library's text only in the log's technical details", async () => {
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: `${plainPort.url.replace("http:", "https:")}completions`,
      completions: 3,
      integration: { concurrency: 1, failureThreshold: 2 },
    });
    expect(await runSync(t.db, integrationId, "manual")).toMatchObject({
      stopReason: "auto_disabled",
      sent: 2,
    });
    const words = "The receiver does not speak TLS on this port.";
    const log = await t.db.select().from(syncLog).where(eq(syncLog.integrationId, integrationId));
    for (const entry of log) {
      expect(entry).toMatchObject({ outcome: "failure", errorCode: "tls_handshake", errorMessage: words });
      expect(entry.errorDetail).toMatch(LIBRARY_TEXT);
    }
    const row = await integrationRow(integrationId);
    expect(row.disabledReason).toBe(words);
    const notices = await inbox();
    expect(notices.at(-1)?.body).toContain(words);
    for (const text of [row.disabledReason, ...notices.flatMap((n) => [n.title, n.body])]) {
      expect(text).not.toMatch(LIBRARY_TEXT);
    }
  });
});
