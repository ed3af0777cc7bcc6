import { eq, sql } from "drizzle-orm";
import { runOnce } from "graphile-worker";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMissingDeliveries } from "@/db/queries/deliveries";
import { auditEvents, deliveries, integrations, notifications, syncLog, syncRuns } from "@/db/schema";
import { createTestDatabase, type TestDatabase, truncateAll } from "@/db/test/database";
import { testClock } from "@/lib/clock";
import { REDACTED } from "@/lib/delivery/redact";
import { json, type Receiver, startReceiver } from "@/lib/delivery/test-support/servers";
import { setIntegrationStatus } from "@/lib/integrations/change-integration";
import { resetSettingsCache } from "@/lib/settings";
import { notificationEmail } from "@/worker/tasks/notification-email";
import { runSync } from "./run-sync";
import { insertAdmin, RECEIVER_API_KEY, seedSyncFixture } from "./test-support/fixture";
import { startSmtpServer } from "./test-support/smtp";

let t: TestDatabase;
let receiver: Receiver;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // worker tasks run inline below use the process-wide pool
  receiver = await startReceiver();
});
afterEach(async () => {
  await truncateAll(t);
  receiver.requests.length = 0;
  receiver.setDefault(json(200, { received: true }));
});
afterAll(async () => {
  await receiver.close();
  await t.drop();
});

const endpoint = () => `${receiver.url}completions`;
const deliveryRows = (id: string) => t.db.select().from(deliveries).where(eq(deliveries.integrationId, id));
/** Audit events of an integration after its creation (the fixture's create), oldest first. */
const systemEvents = async (id: string) =>
  (
    await t.db.select().from(auditEvents).where(eq(auditEvents.resourceId, id)).orderBy(auditEvents.id)
  ).filter((e) => e.action !== "integration.create");
const secondsFromNow = (d: Date) => Math.round((d.getTime() - Date.now()) / 1000);
const timeTravel = () =>
  t.db.execute(
    sql`update deliveries set next_attempt_at = now() - interval '1 second' where state = 'retrying'`,
  );

describe("a sync run", () => {
  it("delivers every new completion once, with the mapped payload, and logs what was sent and received", async () => {
    const { integrationId } = await seedSyncFixture(t.db, { endpointUrl: endpoint(), completions: 30 });
    const first = await runSync(t.db, integrationId, "manual");
    expect(first).toMatchObject({ ran: true, status: "completed", sent: 30, succeeded: 30, failed: 0 });
    expect(receiver.requests).toHaveLength(30);

    const keys = new Set(receiver.requests.map((r) => r.headers["idempotency-key"]));
    expect(keys.size).toBe(30);
    for (const r of receiver.requests) {
      expect(r.method).toBe("POST");
      expect(r.headers["x-api-key"]).toBe(RECEIVER_API_KEY);
      expect(r.headers["content-type"]).toMatch(/application\/json/);
      expect(Object.keys(JSON.parse(r.body))).toEqual([
        "employeeId",
        "courseName",
        "completedOn",
        "score",
        "status",
        "organisation",
      ]);
    }
    const anne = receiver.requests
      .map((r) => JSON.parse(r.body))
      .find((b) => b.courseName === "GDPR introduction" && b.employeeId === "anne@company.com");
    expect(anne).toMatchObject({ organisation: "HR department" });
    expect(anne.completedOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(["passed", "failed"]).toContain(anne.status);

    const log = await t.db.select().from(syncLog).where(eq(syncLog.integrationId, integrationId));
    expect(log).toHaveLength(30);
    for (const row of log) {
      const sent = receiver.requests.find(
        (r) =>
          r.headers["idempotency-key"] === row.requestHeaders["Idempotency-Key"] ||
          r.headers["idempotency-key"] === row.requestHeaders["idempotency-key"],
      );
      expect(sent?.body).toBe(row.requestBody);
      expect(JSON.stringify(row.requestHeaders)).not.toContain(RECEIVER_API_KEY);
      expect(Object.values(row.requestHeaders)).toContain(REDACTED);
      expect(row).toMatchObject({ status: 200, outcome: "success", attempt: 1, mappingVersion: 1 });
      expect(JSON.parse(row.responseBody)).toEqual({ received: true });
    }
    expect((await deliveryRows(integrationId)).every((d) => d.state === "succeeded")).toBe(true);
    const [integration] = await t.db.select().from(integrations).where(eq(integrations.id, integrationId));
    expect(integration?.lastSuccessAt).not.toBeNull();
    expect(integration?.lastRunAt).not.toBeNull();

    const second = await runSync(t.db, integrationId, "schedule");
    expect(second).toMatchObject({ ran: true, sent: 0 });
    expect(receiver.requests).toHaveLength(30);
    const runs = await t.db.select().from(syncRuns).where(eq(syncRuns.integrationId, integrationId));
    expect(runs.map((r) => [r.trigger, r.status, r.sent, r.succeeded])).toEqual([
      ["manual", "completed", 30, 30],
      ["schedule", "completed", 0, 0],
    ]);
  });

  it("sends a delivery that falls due behind its claims during the run (a dead worker's lease running out)", async () => {
    const { integrationId } = await seedSyncFixture(t.db, { endpointUrl: endpoint(), completions: 400 });
    // Half-way through the run (its claims long past the held delivery) the run's clock moves a minute on.
    const clock = testClock();
    receiver.setDefault((req, res) => {
      if (receiver.requests.length === 200) clock.advance(61_000);
      json(200, { received: true })(req, res);
    });
    const [integration] = await t.db.select().from(integrations).where(eq(integrations.id, integrationId));
    expect(await createMissingDeliveries(t.db, integrationId, integration!.sendFrom)).toBe(400);
    // The first delivery due is held by another worker whose lease runs out in a minute: after this run's claims
    // have moved past it.
    const [held] = await t.db.execute<{ id: string }>(sql`
      update deliveries set leased_until = ${new Date(clock.now() + 60_000).toISOString()}::timestamptz,
        lease_owner = 'dead-worker'
      where id = (select id from deliveries order by next_attempt_at, id limit 1) returning id`);
    const result = await runSync(t.db, integrationId, "manual", { clock });
    expect(held).toBeDefined();
    expect(result).toMatchObject({ ran: true, status: "completed", sent: 400, succeeded: 400 });
    const rows = await deliveryRows(integrationId);
    expect(rows.every((d) => d.state === "succeeded")).toBe(true);
    expect(new Set(receiver.requests.map((r) => r.headers["idempotency-key"])).size).toBe(400);
  });

  it("retries after 1, 5 and 30 minutes, then waits for the next scheduled run", async () => {
    receiver.setDefault(json(500, { error: "database down" }));
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: endpoint(),
      completions: 1,
      integration: { failureThreshold: 100 },
    });
    const expectations: [string, number][] = [
      ["retrying", 60],
      ["retrying", 300],
      ["retrying", 1800],
    ];
    for (const [i, [state, delay]] of expectations.entries()) {
      if (i > 0) await timeTravel();
      const summary = await runSync(t.db, integrationId, i === 0 ? "manual" : "retry");
      expect(summary).toMatchObject({ sent: 1, retried: 1 });
      const [d] = await deliveryRows(integrationId);
      expect(d).toMatchObject({ state, attempts: i + 1, lastStatus: 500 });
      expect(Math.abs(secondsFromNow(d!.nextAttemptAt) - delay)).toBeLessThan(10);
    }
    await timeTravel();
    expect(await runSync(t.db, integrationId, "retry")).toMatchObject({ sent: 1, failed: 1 });
    expect((await deliveryRows(integrationId))[0]).toMatchObject({ state: "failed", attempts: 4 });
    expect(await runSync(t.db, integrationId, "retry")).toMatchObject({ sent: 0 });

    const next = await runSync(t.db, integrationId, "schedule");
    expect(next).toMatchObject({ sent: 1, retried: 1 });
    expect((await deliveryRows(integrationId))[0]).toMatchObject({
      state: "retrying",
      attempts: 5,
      cycleAttempts: 1,
    });
    const attempts = await t.db
      .select({ a: syncLog.attempt, s: syncLog.status })
      .from(syncLog)
      .orderBy(syncLog.id);
    expect(attempts).toEqual([1, 2, 3, 4, 5].map((a) => ({ a, s: 500 })));
    expect(receiver.requests).toHaveLength(5);
    expect(new Set(receiver.requests.map((r) => r.headers["idempotency-key"])).size).toBe(1);
  });

  it("honours Retry-After on 429 and 503", async () => {
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: endpoint(),
      completions: 1,
      integration: { failureThreshold: 100 },
    });
    receiver.respondWith(json(429, { error: "slow down" }, { "retry-after": "900" }));
    await runSync(t.db, integrationId, "manual");
    expect(secondsFromNow((await deliveryRows(integrationId))[0]!.nextAttemptAt)).toBeGreaterThan(880);
    await timeTravel();
    receiver.respondWith(
      json(
        503,
        { error: "maintenance" },
        { "retry-after": new Date(Date.now() + 2 * 3600_000).toUTCString() },
      ),
    );
    await runSync(t.db, integrationId, "retry");
    const wait = secondsFromNow((await deliveryRows(integrationId))[0]!.nextAttemptAt);
    expect(wait).toBeGreaterThan(7000);
    expect(wait).toBeLessThan(7300);
  });

  it("keeps a Retry-After past the last retry: the next scheduled run does not send before the receiver asked", async () => {
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: endpoint(),
      completions: 1,
      integration: { failureThreshold: 100, retrySchedule: [] },
    });
    receiver.respondWith(json(429, { error: "slow down" }, { "retry-after": "3600" }));
    expect(await runSync(t.db, integrationId, "manual")).toMatchObject({ sent: 1, failed: 1 });
    const [failed] = await deliveryRows(integrationId);
    expect(failed?.state).toBe("failed");
    expect(secondsFromNow(failed!.nextAttemptAt)).toBeGreaterThan(3500);

    // A scheduled run minutes later gives it a new cycle, due when the receiver asked, and sends nothing now.
    expect(await runSync(t.db, integrationId, "schedule")).toMatchObject({ sent: 0 });
    const [waiting] = await deliveryRows(integrationId);
    expect(waiting?.state).toBe("pending");
    expect(secondsFromNow(waiting!.nextAttemptAt)).toBeGreaterThan(3500);
    expect(receiver.requests).toHaveLength(1);
  });

  it("disables the integration after 10 failures in a row, e-mails people, and continues where it stopped once enabled", async () => {
    const smtp = await startSmtpServer();
    process.env.SMTP_URL = smtp.url;
    resetSettingsCache();
    try {
      receiver.setDefault(json(500, { error: "HR system exploded" }));
      const { integrationId } = await seedSyncFixture(t.db, {
        endpointUrl: endpoint(),
        completions: 15,
        integration: { concurrency: 1, notificationEmails: ["it-team@receiver.test"] },
      });
      // Writing each attempt at once (as with a slow receiver) lets the half-way warning go out before the stop.
      const run = await runSync(t.db, integrationId, "manual", { flushSize: 1 });
      expect(run).toMatchObject({ ran: true, status: "stopped", stopReason: "auto_disabled", sent: 10 });
      const [disabled] = await t.db.select().from(integrations).where(eq(integrations.id, integrationId));
      expect(disabled).toMatchObject({ status: "auto_disabled", consecutiveFailures: 10 });
      expect(disabled?.disabledReason).toContain("HTTP 500");
      const states = (await deliveryRows(integrationId)).map((d) => d.state);
      expect(states.filter((s) => s === "pending")).toHaveLength(5);

      const inbox = await t.db.select().from(notifications).orderBy(notifications.id);
      expect(inbox.map((n) => [n.kind, n.severity])).toEqual([
        ["integration.failing", "warning"],
        ["integration.auto_disabled", "error"],
      ]);
      expect(inbox[0]?.title).toContain("failing: 5 in a row");
      // The change is in the integration's history, by the system.
      const audit = (await systemEvents(integrationId)).at(-1);
      expect(audit).toMatchObject({
        action: "integration.auto_disable",
        actorId: null,
        actorLabel: "system",
      });
      expect(audit?.diff).toMatchObject({
        old: { status: "active" },
        new: { status: "auto_disabled", consecutiveFailures: 10 },
      });

      await runOnce({ connectionString: t.url, taskList: { "notification-email": notificationEmail } });
      expect(smtp.mails).toHaveLength(2);
      for (const m of smtp.mails) expect(m.to).toEqual(["it-team@receiver.test"]);
      const disabledMail = smtp.mails.find((m) => m.text.includes("was disabled after 10 failed attempts"));
      expect(disabledMail?.text).toContain("HTTP 500");
      expect(disabledMail?.text).toContain(`/integrations/${integrationId}/log`);

      expect(await runSync(t.db, integrationId, "schedule")).toEqual({ ran: false, reason: "auto_disabled" });
      receiver.setDefault(json(200, { ok: true }));
      const enabled = await setIntegrationStatus(t.db, integrationId, "enable", await insertAdmin(t.db));
      expect(enabled.ok && enabled.integration).toMatchObject({
        status: "active",
        consecutiveFailures: 0,
        disabledReason: null,
      });
      expect(await runSync(t.db, integrationId, "manual")).toMatchObject({ sent: 5, succeeded: 5 });
      await timeTravel();
      expect(await runSync(t.db, integrationId, "retry")).toMatchObject({ sent: 10, succeeded: 10 });
      expect((await deliveryRows(integrationId)).every((d) => d.state === "succeeded")).toBe(true);
    } finally {
      delete process.env.SMTP_URL;
      resetSettingsCache();
      await smtp.close();
    }
  });

  it("pauses the integration when the receiver answers 410 Gone", async () => {
    receiver.setDefault(json(410, { error: "endpoint retired" }));
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: endpoint(),
      completions: 20,
      integration: { concurrency: 1 },
    });
    const run = await runSync(t.db, integrationId, "manual");
    expect(run).toMatchObject({ status: "stopped", stopReason: "gone", sent: 1 });
    const [row] = await t.db.select().from(integrations).where(eq(integrations.id, integrationId));
    expect(row?.status).toBe("paused");
    expect(row?.disabledReason).toContain("410 Gone");
    const [n] = await t.db.select().from(notifications);
    expect(n?.kind).toBe("integration.gone");
    const audit = await systemEvents(integrationId);
    expect(audit.map((e) => [e.action, e.actorLabel])).toEqual([["integration.gone_pause", "system"]]);
  });

  it("a pause by hand replaces an auto-disable's reason; pausing again keeps the pause's", async () => {
    const { integrationId } = await seedSyncFixture(t.db, { endpointUrl: endpoint(), completions: 1 });
    await t.db
      .update(integrations)
      .set({ status: "auto_disabled", disabledReason: "HTTP 500", disabledAt: new Date() })
      .where(eq(integrations.id, integrationId));
    const admin = await insertAdmin(t.db);
    const paused = await setIntegrationStatus(t.db, integrationId, "pause", admin);
    expect(paused.ok && paused.integration).toMatchObject({
      status: "paused",
      disabledReason: null,
      disabledAt: null,
    });

    await t.db
      .update(integrations)
      .set({ disabledReason: "410 Gone" })
      .where(eq(integrations.id, integrationId));
    const again = await setIntegrationStatus(t.db, integrationId, "pause", admin);
    expect(again.ok && again.integration).toMatchObject({ status: "paused", disabledReason: "410 Gone" });
  });

  it("does not pause for a 410 the integration counts as success", async () => {
    receiver.setDefault(json(410, { ok: true }));
    const { integrationId } = await seedSyncFixture(t.db, {
      endpointUrl: endpoint(),
      completions: 5,
      integration: { successCodes: "2xx,410" },
    });
    expect(await runSync(t.db, integrationId, "manual")).toMatchObject({ status: "completed", succeeded: 5 });
    const [row] = await t.db.select().from(integrations).where(eq(integrations.id, integrationId));
    expect(row?.status).toBe("active");
    expect(await t.db.select().from(notifications)).toHaveLength(0);
  });

  it("refuses to send with a mapping that no longer validates, and says why once", async () => {
    const { integrationId } = await seedSyncFixture(t.db, { endpointUrl: endpoint(), completions: 5 });
    await t.db
      .update(integrations)
      .set({ mapping: [{ key: "employeeId", source: "user.emial" }] })
      .where(eq(integrations.id, integrationId));
    const run = await runSync(t.db, integrationId, "manual");
    expect(run).toMatchObject({ ran: true, status: "failed" });
    expect(run.ran && run.stopReason).toMatch(/does not validate.*user\.emial/);
    expect(receiver.requests).toHaveLength(0);
    await runSync(t.db, integrationId, "schedule");
    const inbox = await t.db.select().from(notifications);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.body).toContain("user.emial");
    const runs = await t.db.select().from(syncRuns);
    expect(runs.every((r) => r.status === "failed" && r.error?.includes("does not validate"))).toBe(true);
  });
});
