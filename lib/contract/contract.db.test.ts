import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/integrations/[id]/contract/check/route";
import { GET as exportRoute } from "@/app/api/integrations/[id]/export/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/integrations/[id]/route";
import { POST as testUserRoute } from "@/app/api/integrations/[id]/test-user/route";
import { POST as importRoute } from "@/app/api/integrations/import/route";
import { findIntegration } from "@/db/queries/integrations";
import { completions, deliveries, syncLog, users } from "@/db/schema";
import { seedLmsData } from "@/db/seed/lms-data";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { json, type Receiver, startReceiver } from "@/lib/delivery/test-support/servers";
import { STANDARD_MAPPING } from "@/lib/mapping";
import { runSync } from "@/lib/sync/run-sync";
import { RECEIVER_API_KEY } from "@/lib/sync/test-support/fixture";
import { addReceiverIntegration } from "@/lib/sync/test-support/receiver-integration";
import { schemaFromMapping } from "./generate-schema";
import type { ReceiverSchema } from "./model";

// The receiver's contract end to end: a real run to a real HTTPS receiver holds back the payloads that break the
// schema (logged, the delivery failed) and sends the rest; the settings API keeps and checks the schema.

let t: TestDatabase;
let receiver: Receiver;
let adminToken: string;
let viewerToken: string;
/** The learner without an organisation, whose payloads have "organisation": null. */
let orphan: { email: string; userName: string };
let total: number;

// The generated schema allows a null organisation; this receiver's does not.
const schema = (() => {
  const s = schemaFromMapping(STANDARD_MAPPING) as ReceiverSchema & { properties: Record<string, unknown> };
  return { ...s, properties: { ...s.properties, organisation: { type: "string" } } };
})();
const BREAK = "organisation: must be a string (got null)";

beforeAll(async () => {
  t = await createTestDatabase();
  receiver = await startReceiver();
  receiver.setDefault(json(200, { received: true }));
  await seedLmsData(t.db, new Date(), { users: 4, completions: 12 });
  const [first] = await t.db.select().from(users).orderBy(asc(users.id)).limit(1);
  await t.db.update(users).set({ organisationId: null }).where(eq(users.id, first!.id));
  orphan = { email: first!.email, userName: first!.userName };
  total = await t.db.$count(completions);
  process.env.DATABASE_URL = t.url;
  ({ adminToken, viewerToken } = await createApiUsers(t));
});
afterAll(async () => {
  await receiver.close();
  await t.drop();
});

/** A new integration pointed at the receiver, holding the schema, with validate before sending on or off. */
const addWithSchema = (isValidating: boolean) =>
  addReceiverIntegration(t.db, `${receiver.url}completions`, {
    receiverSchema: schema,
    validateBeforeSending: isValidating,
  });

const patch = (id: string, body: unknown) =>
  callRoute(patchRoute, { method: "PATCH", token: adminToken, params: { id }, body });

const sentBodies = (from: number) =>
  receiver.requests.slice(from).map((r) => JSON.parse(r.body) as Record<string, unknown>);

describe("a run with validate before sending", () => {
  it("does not send a payload that breaks the schema, logs why at the key, and sends the rest", async () => {
    const id = await addWithSchema(true);
    const from = receiver.requests.length;
    const summary = await runSync(t.db, id, "manual");

    const bodies = sentBodies(from);
    const held = total - bodies.length;
    expect(held).toBeGreaterThan(0);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.some((b) => b.employeeId === orphan.email)).toBe(false);
    expect(bodies.every((b) => typeof b.organisation === "string")).toBe(true);
    expect(summary).toMatchObject({ ran: true, succeeded: bodies.length });

    const failed = await t.db.select().from(syncLog).where(eq(syncLog.outcome, "failure"));
    const mine = failed.filter((r) => r.integrationId === id);
    expect(mine).toHaveLength(held);
    for (const row of mine) {
      expect(row).toMatchObject({ status: null, diagnosis: "payload_breaks_schema", errorCode: "schema" });
      expect(row.errorMessage).toContain("Not sent: the payload breaks the receiver's JSON Schema");
      expect(row.errorMessage).toContain(BREAK);
      expect(row.diagnosisFix).toMatch(/Receiver's contract/);
      // The payload it would have sent is on record, so the admin sees what broke.
      expect(JSON.parse(row.requestBody ?? "{}")).toMatchObject({
        employeeId: orphan.email,
        organisation: null,
      });
    }
    const states = await t.db
      .select({ state: deliveries.state })
      .from(deliveries)
      .where(eq(deliveries.integrationId, id));
    expect(states.filter((d) => d.state === "failed")).toHaveLength(held);
    expect(states.filter((d) => d.state === "succeeded")).toHaveLength(bodies.length);
    // Held back by LMS Sync, not refused by the receiver: no failure in a row counts towards auto-disable.
    expect(await findIntegration(t.db, id)).toMatchObject({ status: "active", consecutiveFailures: 0 });
  });

  it("with the switch off sends every payload, the breaking ones too", async () => {
    const id = await addWithSchema(false);
    const from = receiver.requests.length;
    await runSync(t.db, id, "manual");
    const bodies = sentBodies(from);
    expect(bodies).toHaveLength(total);
    expect(bodies.some((b) => b.employeeId === orphan.email && b.organisation === null)).toBe(true);
    const failed = await t.db
      .select()
      .from(syncLog)
      .where(eq(syncLog.integrationId, id))
      .then((rows) => rows.filter((r) => r.outcome !== "success"));
    expect(failed).toEqual([]);
  });
});

describe("the settings API", () => {
  it("keeps the schema and the switch when a PATCH does not name them, and exports them", async () => {
    const id = await addWithSchema(true);
    const patched = await patch(id, { timeoutMs: 7_000 });
    expect(patched.status).toBe(200);
    const read = await callRoute(getRoute, { token: viewerToken, params: { id } });
    expect(read.body.integration).toMatchObject({
      timeoutMs: 7_000,
      receiverSchema: schema,
      validateBeforeSending: true,
    });
    // The admin's key order survives the database (json, not jsonb).
    expect(Object.keys(read.body.integration.receiverSchema.properties)).toEqual(
      Object.keys(schema.properties),
    );

    const exported = await callRoute(exportRoute, { token: adminToken, params: { id } });
    expect(exported.body.integration).toMatchObject({ receiverSchema: schema, validateBeforeSending: true });
    const imported = await callRoute(importRoute, {
      token: adminToken,
      body: { document: exported.body, name: `Imported ${id}`, secrets: { apiKey: RECEIVER_API_KEY } },
    });
    expect(imported.status).toBe(201);
    expect(imported.body.integration).toMatchObject({ receiverSchema: schema, validateBeforeSending: true });
    const brokenDoc = structuredClone(exported.body);
    brokenDoc.integration.receiverSchema.properties.employeeId = { type: "strin" };
    const refused = await callRoute(importRoute, {
      token: adminToken,
      body: { document: brokenDoc, name: `Broken ${id}`, secrets: { apiKey: RECEIVER_API_KEY } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "document.integration.receiverSchema.properties.employeeId.type",
    ]);

    const off = await patch(id, { validateBeforeSending: false });
    expect(off.body.integration).toMatchObject({ validateBeforeSending: false, receiverSchema: schema });
  });

  it("refuses a broken schema with a 400 at its place in the schema, and changes nothing", async () => {
    const id = await addWithSchema(true);
    const broken = { ...schema, properties: { ...schema.properties, employeeId: { type: "strin" } } };
    const res = await patch(id, { receiverSchema: broken });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("receiverSchema.properties.employeeId.type");
    expect(res.body.error.message).toBe(
      'properties.employeeId.type: must be one of "array", "boolean", "integer", "null", "number", "object", "string" (got "strin")',
    );

    const noSchema = await patch(id, { receiverSchema: null });
    expect(noSchema.status).toBe(400);
    expect(noSchema.body.error.message).toMatch(/Validate before sending needs the receiver's JSON Schema/);
    expect(await findIntegration(t.db, id)).toMatchObject({
      receiverSchema: schema,
      validateBeforeSending: true,
    });
  });
});

describe("checking before sending", () => {
  it("Test with user reports the problems at the key and, with the switch on, sends nothing", async () => {
    const id = await addWithSchema(true);
    const from = receiver.requests.length;
    const res = await callRoute(testUserRoute, {
      token: adminToken,
      params: { id },
      body: { usernames: [orphan.userName], target: "production", limit: 1 },
    });
    expect(res.status).toBe(200);
    const [exchange] = res.body.results[0].exchanges;
    expect(exchange.schemaIssues).toEqual([{ key: "organisation", message: BREAK }]);
    expect(exchange.request).toBeUndefined();
    expect(exchange.payload).toMatchObject({ employeeId: orphan.email, organisation: null });
    expect(receiver.requests.length).toBe(from);
  });

  it("the preview's check answers per payload at the key, for a viewer, against the saved schema only", async () => {
    const id = await addReceiverIntegration(t.db, `${receiver.url}completions`, { receiverSchema: schema });
    const payloads = [
      {
        employeeId: "a@b.c",
        courseName: "x",
        completedOn: "2026-04-11T14:32:00Z",
        score: 1,
        status: "passed",
        organisation: "HR",
      },
      {
        employeeId: 42,
        courseName: "x",
        completedOn: "2026-04-11T14:32:00Z",
        score: 1,
        status: "passed",
        organisation: "HR",
      },
    ];
    const saved = await callRoute(checkRoute, { token: viewerToken, params: { id }, body: { payloads } });
    expect(saved.status).toBe(200);
    expect(saved.body.results).toEqual([
      { isValid: true, issues: [] },
      { isValid: false, issues: [{ key: "employeeId", message: "employeeId: must be a string (got 42)" }] },
    ]);
    // A schema of the caller's own is not taken: only the admin's saved one is compiled.
    const own = await callRoute(checkRoute, {
      token: viewerToken,
      params: { id },
      body: { payloads, schema: { type: "object", required: ["learner"] } },
    });
    expect(own.status).toBe(400);
    const none = await addReceiverIntegration(t.db, `${receiver.url}completions`);
    const without = await callRoute(checkRoute, {
      token: viewerToken,
      params: { id: none },
      body: { payloads },
    });
    expect(without.body).toMatchObject({ hasSchema: false, results: [] });
  });
});
