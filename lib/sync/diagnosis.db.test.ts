import { asc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getEntry } from "@/app/api/integrations/[id]/log/[entryId]/route";
import { GET as listLog } from "@/app/api/integrations/[id]/log/route";
import { createMissingDeliveries, markInFlight, takeBackDeliveries } from "@/db/queries/deliveries";
import { findIntegration } from "@/db/queries/integrations";
import { serializeInFlightRow } from "@/db/queries/sync-log";
import { deliveries, syncLog } from "@/db/schema";
import { seedLmsData } from "@/db/seed/lms-data";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { testConnection } from "@/lib/delivery";
import { json, type Receiver, startReceiver, text } from "@/lib/delivery/test-support/servers";
import { connectionFromIntegration } from "@/lib/integrations/connection";
import { INTERRUPTED_DIAGNOSIS } from "./model";
import { runSync } from "./run-sync";
import { ensureTestSecretKey } from "./test-support/fixture";
import { addReceiverIntegration } from "./test-support/receiver-integration";

// A failed log entry keeps the diagnosis the test tools give (one function, lib/delivery/diagnose.ts): its class,
// and its cause and fix in words. Each failure below is a real answer (or refusal) of a real HTTPS receiver.

let t: TestDatabase;
let receiver: Receiver;
let mtls: Receiver;
let token: string;

beforeAll(async () => {
  t = await createTestDatabase();
  receiver = await startReceiver();
  mtls = await startReceiver({ requireClientCert: true });
  ensureTestSecretKey();
  await seedLmsData(t.db, new Date(), { users: 1, completions: 1 });
  process.env.DATABASE_URL = t.url;
  token = (await createApiUsers(t)).viewerToken;
});
afterEach(() => {
  receiver.requests.length = 0;
  receiver.setDefault(json(200, { received: true }));
});
afterAll(async () => {
  await receiver.close();
  await mtls.close();
  await t.drop();
});

const logRows = (integrationId: string) =>
  t.db.select().from(syncLog).where(eq(syncLog.integrationId, integrationId)).orderBy(asc(syncLog.id));

/** The one completion sent once, by a new integration, to `endpointUrl` (no retries within the run): its log entry. */
async function sendOne(endpointUrl: string) {
  const integrationId = await addReceiverIntegration(t.db, endpointUrl);
  const summary = await runSync(t.db, integrationId, "manual");
  expect(summary).toMatchObject({ ran: true, sent: 1 });
  const [row] = await logRows(integrationId);
  return { row: row!, integrationId };
}

describe("a failed log entry stores its diagnosis", () => {
  it("a 401 is stored as refused credentials, in the words Test connection uses for the same answer", async () => {
    receiver.setDefault(json(401, { error: "unauthorized" }));
    const { row, integrationId } = await sendOne(`${receiver.url}completions`);
    expect(row).toMatchObject({ outcome: "failure", status: 401, diagnosis: "auth_rejected" });
    expect(row.diagnosisCause).toMatch(/did not accept the API key/);

    const integration = await findIntegration(t.db, integrationId);
    const conn = connectionFromIntegration(integration!);
    if (!conn.ok) throw new Error(conn.error);
    const tested = await testConnection({ settings: conn.settings, target: "production" });
    expect(tested.diagnosis).toEqual({
      class: row.diagnosis,
      cause: row.diagnosisCause,
      fix: row.diagnosisFix,
    });
  });

  it("a refused client certificate and a rejected payload, both HTTP 400, are two different classes", async () => {
    receiver.setDefault(json(400, { error: "courseName is required" }));
    const payload = await sendOne(`${receiver.url}completions`);
    expect(payload.row).toMatchObject({ status: 400, diagnosis: "payload_rejected" });
    expect(payload.row.diagnosisFix).toMatch(/Test with user/);

    // nginx's answer to a request without a client certificate.
    receiver.setDefault(
      text(400, "<html><center>No required SSL certificate was sent</center></html>", {
        "content-type": "text/html",
      }),
    );
    const cert = await sendOne(`${receiver.url}completions`);
    expect(cert.row).toMatchObject({ status: 400, diagnosis: "client_cert_missing" });
    expect(cert.row.diagnosisCause).toMatch(/requires a client certificate/);
  });

  it("a receiver that refuses the TLS handshake without a client certificate is a client-certificate class", async () => {
    const { row } = await sendOne(`${mtls.url}completions`);
    expect(row.status).toBeNull();
    expect(row.diagnosis).toBe("client_cert_missing");
    expect(row.diagnosisFix).toMatch(/Upload the client certificate/);
    expect(mtls.requests).toHaveLength(0);
  });

  it("an attempt crash recovery logs as interrupted says the result is unknown, and what to do", async () => {
    const integrationId = await addReceiverIntegration(t.db, `${receiver.url}completions`);
    await createMissingDeliveries(t.db, integrationId, new Date(0), new Date());
    const [delivery] = await t.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.integrationId, integrationId));
    const owner = "job-7@pid-1";
    await t.db.update(deliveries).set({ leaseOwner: owner }).where(eq(deliveries.id, delivery!.id));
    // The row as a run records it before the request leaves (inFlightRow): the request, no answer.
    const startedAt = new Date("2026-11-30T10:00:00.000Z");
    const requestHeaders = {
      "Content-Type": "application/json",
      "Idempotency-Key": delivery!.idempotencyKey,
    };
    const row = serializeInFlightRow({
      integrationId,
      deliveryId: delivery!.id,
      completionId: delivery!.completionId,
      attempt: 1,
      requestUrl: `${receiver.url}completions`,
      requestHeaders,
      requestBody: '{"employeeId":"E1"}',
      mappingVersion: 1,
      createdAt: startedAt,
    });
    await markInFlight(t.db, [row]);
    expect(await takeBackDeliveries(t.db, integrationId, owner)).toBe(1);
    const [logged] = await logRows(integrationId);
    expect(logged).toMatchObject({
      outcome: "interrupted",
      diagnosis: "interrupted",
      diagnosisCause: INTERRUPTED_DIAGNOSIS.cause,
      diagnosisFix: INTERRUPTED_DIAGNOSIS.fix,
    });
    // The entry keeps the request that may have reached the receiver: when it left, where, with which key, what.
    expect(logged).toMatchObject({
      createdAt: startedAt,
      durationMs: 0,
      attempt: 1,
      completionId: delivery!.completionId,
      requestUrl: `${receiver.url}completions`,
      requestHeaders,
      requestBody: '{"employeeId":"E1"}',
      status: null,
    });
  });

  it("a delivered attempt has no diagnosis", async () => {
    const { row } = await sendOne(`${receiver.url}completions`);
    expect(row).toMatchObject({
      outcome: "success",
      diagnosis: null,
      diagnosisCause: null,
      diagnosisFix: null,
    });
  });
});

describe("the log API", () => {
  it("lists a failure's diagnosis class, gives its cause and fix with the entry, and filters by run", async () => {
    receiver.setDefault(json(503, { error: "maintenance" }));
    const { row, integrationId } = await sendOne(`${receiver.url}completions`);
    receiver.setDefault(json(200, { received: true }));
    await t.db.execute(
      sql`update deliveries set next_attempt_at = now() where integration_id = ${integrationId}`,
    );
    const second = await runSync(t.db, integrationId, "manual");
    expect(second).toMatchObject({ ran: true, succeeded: 1 });

    const list = await callRoute(listLog, {
      token,
      path: `/api/integrations/${integrationId}/log`,
      params: { id: integrationId },
    });
    expect(list.body.entries.map((e: { diagnosis: string | null }) => e.diagnosis)).toEqual([
      null,
      "server_error",
    ]);
    const entry = await callRoute(getEntry, {
      token,
      path: `/api/integrations/${integrationId}/log/${row.id}`,
      params: { id: integrationId, entryId: String(row.id) },
    });
    expect(entry.body.entry).toMatchObject({
      diagnosis: "server_error",
      diagnosisCause: expect.stringMatching(/on their side/),
      diagnosisFix: expect.stringMatching(/retried automatically/),
    });
    const firstRun = await callRoute(listLog, {
      token,
      path: `/api/integrations/${integrationId}/log?runId=${row.runId}`,
      params: { id: integrationId },
    });
    expect(firstRun.body.entries.map((e: { id: number }) => e.id)).toEqual([row.id]);
  });

  it("stores and shows a viewer no secret header value, however short, and no session cookie", async () => {
    receiver.setDefault(
      json(200, { received: true }, { "set-cookie": "sid=s3ss10n-c00kie; Path=/; HttpOnly" }),
    );
    const integrationId = await addReceiverIntegration(t.db, `${receiver.url}completions`, {
      secretHeaders: { "X-Tenant": "t7q" },
    });
    expect(await runSync(t.db, integrationId, "manual")).toMatchObject({ ran: true, succeeded: 1 });
    expect(receiver.requests.at(-1)?.headers["x-tenant"]).toBe("t7q");
    const [row] = await logRows(integrationId);
    expect(row?.requestHeaders["X-Tenant"]).toBe("[redacted]");
    expect(row?.responseHeaders?.["set-cookie"]).toBe("[redacted]");
    expect(JSON.stringify(row)).not.toMatch(/t7q|s3ss10n/);

    const entry = await callRoute(getEntry, {
      token,
      path: `/api/integrations/${integrationId}/log/${row!.id}`,
      params: { id: integrationId, entryId: String(row!.id) },
    });
    expect(entry.status).toBe(200);
    expect(entry.body.entry.requestHeaders["X-Tenant"]).toBe("[redacted]");
    expect(entry.body.entry.responseHeaders["set-cookie"]).toBe("[redacted]");
    expect(entry.text).not.toMatch(/t7q|s3ss10n/);
  });
});
