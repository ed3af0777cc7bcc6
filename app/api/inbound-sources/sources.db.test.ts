import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as receive } from "@/app/api/inbound/[sourceId]/route";
import { callRoute } from "@/lib/api/test-support/call-route";
import {
  createInboundFixture,
  createTestSource,
  type InboundFixture,
} from "@/lib/inbound/test-support/fixture";
import { postInbound, postSigned } from "@/lib/inbound/test-support/inbound-request";
import { GET as logEntry } from "./[id]/log/[entryId]/route";
import { GET as logExport } from "./[id]/log/export/route";
import { GET as log } from "./[id]/log/route";
import { POST as rotate } from "./[id]/rotate/route";
import { DELETE, GET as getOne, PATCH } from "./[id]/route";
import { POST as create, GET as list } from "./route";

let f: InboundFixture;
/** Every reply and download text, to scan for secrets at the end. */
const seen: string[] = [];
async function call(...args: Parameters<typeof callRoute>) {
  const r = await callRoute(...args);
  seen.push(r.text);
  return r;
}

beforeAll(async () => {
  f = await createInboundFixture();
});
afterAll(async () => {
  await f.t.drop();
});

describe("inbound sources", () => {
  it("an admin creates a source and sees its secret once; a viewer reads it but cannot create", async () => {
    const created = await callRoute(create, {
      token: f.adminToken,
      body: { name: "Payroll", kinds: ["users", "users"] },
    });
    expect(created.status).toBe(201);
    expect(created.body.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const id = created.body.source.id;
    expect(created.body.source).toMatchObject({
      kinds: ["users"],
      createMissing: false,
      url: `http://localhost:3000/api/inbound/${id}`,
      secrets: [{ validUntil: null }],
    });
    const viewer = await call(create, { token: f.viewerToken, body: { name: "X", kinds: ["users"] } });
    expect(viewer.status).toBe(403);
    const listed = await call(list, { token: f.viewerToken });
    expect(listed.body.sources.map((s: { name: string }) => s.name)).toContain("Payroll");
    expect((await call(getOne, { token: f.viewerToken, params: { id } })).body.source.name).toBe("Payroll");

    const patched = await call(PATCH, {
      method: "PATCH",
      token: f.adminToken,
      params: { id },
      body: { createMissing: true },
    });
    expect(patched.body.source).toMatchObject({ name: "Payroll", kinds: ["users"], createMissing: true });
    expect(
      (await call(PATCH, { method: "PATCH", token: f.viewerToken, params: { id }, body: { name: "Y" } }))
        .status,
    ).toBe(403);
    expect(
      (await call(PATCH, { method: "PATCH", token: f.adminToken, params: { id }, body: {} })).status,
    ).toBe(400);
    expect((await call(create, { token: f.adminToken, body: { name: "None", kinds: [] } })).status).toBe(400);

    expect((await call(DELETE, { method: "DELETE", token: f.adminToken, params: { id } })).body).toEqual({
      deleted: true,
    });
    expect((await call(getOne, { token: f.viewerToken, params: { id } })).status).toBe(404);
    seen.push(created.text.replace(created.body.signingSecret, "[shown once]"));
  });
});

describe("the inbound log", () => {
  it("shows refused and accepted requests with their per-item errors, filtered and downloaded", async () => {
    const source = await createTestSource(f.adminToken, { name: "HR feed" });
    const params = { id: source.id };
    const before = new Date(Date.now() - 1000).toISOString();
    const refused = await postInbound(receive, source.id, '{"type":"users"}', {
      authorization: "Bearer nope",
    });
    expect(refused.status).toBe(401);
    const batch = {
      type: "users",
      items: [
        { userName: "lis", email: "lis@company.com", firstName: "Lis", lastName: "Holm" },
        {
          userName: "mo",
          email: "mo@",
          firstName: "Mo",
          lastName: "Lund",
          organisationName: "=cmd|' /C calc'!A0",
        },
      ],
    };
    const partial = await postSigned(receive, source.id, source.secret, batch, {
      id: '=HYPERLINK("http://x")',
    });
    seen.push(refused.text, partial.text);
    expect(partial.body).toMatchObject({ outcome: "partial", ok: 1, failed: 1 });

    const all = await call(log, { token: f.viewerToken, path: `/x?from=${before}`, params });
    expect(all.body.entries.map((e: { outcome: string }) => e.outcome)).toEqual(["partial", "refused"]);
    expect(all.body.entries[1]).toMatchObject({
      verifiedBy: "none",
      status: 401,
      reason: "The API token is unknown or revoked, or its user is disabled",
    });
    const onlyRefused = await call(log, { token: f.viewerToken, path: "/x?outcome=refused", params });
    expect(onlyRefused.body.entries).toHaveLength(1);
    const future = await call(log, { token: f.viewerToken, path: "/x?from=2999-01-01T00:00:00Z", params });
    expect(future.body.entries).toEqual([]);
    expect((await call(log, { token: f.viewerToken, path: "/x?from=10000-01-01", params })).status).toBe(400);

    const entry = await call(logEntry, {
      token: f.viewerToken,
      params: { ...params, entryId: String(partial.body.logId) },
    });
    expect(entry.body.entry).toMatchObject({
      itemsOk: 1,
      itemsFailed: 1,
      verifiedAs: "current secret",
      bodyTruncated: false,
    });
    expect(entry.body.entry.itemErrors).toEqual([
      { index: 1, errors: [{ field: "email", message: expect.stringMatching(/email/i) }] },
    ]);
    expect(JSON.parse(entry.body.entry.body)).toEqual(batch);

    const csv = await call(logExport, { token: f.viewerToken, path: "/x?format=csv", params });
    // The byte-order mark is there (inboundCsvHeader); Response.text() drops it.
    expect(csv.text.startsWith("id,receivedAt,outcome")).toBe(true);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.text).toContain("#1 email:");
    const ndjson = await call(logExport, {
      token: f.viewerToken,
      path: "/x?format=ndjson&outcome=partial",
      params,
    });
    const lines = ndjson.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0].itemErrors[0].index).toBe(1);
  });

  it("never shows or stores a signing secret: replies, downloads, the log (even a body that echoes it), the audit", async () => {
    const source = await createTestSource(f.adminToken, { name: "Echo" });
    const params = { id: source.id };
    const base64 = source.secret.slice("whsec_".length);
    const echo = {
      type: "users",
      userName: "echo",
      email: "echo@company.com",
      firstName: source.secret,
      lastName: base64,
    };
    const sent = await postSigned(receive, source.id, source.secret, echo);
    seen.push(sent.text);
    const rotated = await callRoute(rotate, { token: f.adminToken, params, body: {} });
    const next = rotated.body.signingSecret as string;
    seen.push(rotated.text.replace(next, "[shown once]"));
    for (const r of [
      await call(getOne, { token: f.viewerToken, params }),
      await call(list, { token: f.viewerToken }),
      await call(log, { token: f.viewerToken, params }),
      await call(logEntry, { token: f.viewerToken, params: { ...params, entryId: String(sent.body.logId) } }),
      await call(logExport, { token: f.viewerToken, path: "/x?format=ndjson", params }),
      await call(logExport, { token: f.viewerToken, path: "/x?format=csv", params }),
    ])
      expect(r.status).toBe(200);
    const entry = await callRoute(logEntry, {
      token: f.viewerToken,
      params: { ...params, entryId: String(sent.body.logId) },
    });
    expect(entry.body.entry.body).toContain("whsec_[redacted]");

    const tables = await f.t.db.execute<{ dump: string }>(sql`
      select (select coalesce(string_agg(l::text, ''), '') from inbound_log l) ||
             (select coalesce(string_agg(a::text, ''), '') from audit_events a) ||
             (select coalesce(string_agg(s::text, ''), '') from inbound_sources s) as dump`);
    const haystack = [...seen, tables[0]!.dump].join("\n");
    for (const secret of [base64, next.slice("whsec_".length)]) expect(haystack).not.toContain(secret);
    expect(seen.length).toBeGreaterThan(20);
  });
});
