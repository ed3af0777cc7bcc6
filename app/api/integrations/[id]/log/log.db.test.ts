import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { insertSyncLogRows, serializeSyncLogRow } from "@/db/queries/sync-log";
import { syncLog } from "@/db/schema";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { json } from "@/lib/delivery/test-support/servers";
import { runSync } from "@/lib/sync/run-sync";
import { RECEIVER_API_KEY, seedSyncFixture } from "@/lib/sync/test-support/fixture";
import { syncTestBed } from "@/lib/sync/test-support/test-bed";
import { GET as getEntry } from "./[entryId]/route";
import { GET as exportLog } from "./export/route";
import { GET as listLog } from "./route";

const bed = syncTestBed();
let token: string;
let integrationId: string;

beforeAll(async () => {
  process.env.DATABASE_URL = bed.t.url;
  // Every third request is refused as a bad payload, so the log has both outcomes.
  let n = 0;
  bed.receiver.setDefault((req, res) => {
    n += 1;
    return (n % 3 === 0 ? json(400, { error: "employeeId unknown" }) : json(200, { ok: true }))(req, res);
  });
  ({ integrationId } = await seedSyncFixture(bed.t.db, {
    endpointUrl: `${bed.receiver.url}in`,
    completions: 30,
    integration: { failureThreshold: 1000, concurrency: 1 },
  }));
  await runSync(bed.t.db, integrationId, "manual");
  token = (await createApiUsers(bed.t)).viewerToken;
});

const query = (q: string) =>
  callRoute(listLog, {
    token,
    path: `/api/integrations/${integrationId}/log?${q}`,
    params: { id: integrationId },
  });

describe("the sync log API", () => {
  it("pages newest first by cursor and filters by outcome, status, user and text", async () => {
    const first = await query("limit=20");
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(20);
    const ids = first.body.entries.map((e: { id: number }) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const second = await query(`limit=20&cursor=${first.body.nextCursor}`);
    expect(second.body.entries).toHaveLength(10);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.entries[0].id).toBeLessThan(ids.at(-1));

    const failures = await query("outcome=failure");
    expect(failures.body.entries).toHaveLength(10);
    expect(failures.body.entries.every((e: { status: number }) => e.status === 400)).toBe(true);
    expect((await query("status=200")).body.entries).toHaveLength(20);
    expect((await query("q=employeeId%20unknown")).body.entries).toHaveLength(10);
    const anne = await query("user=anne@company");
    expect(anne.body.entries.length).toBeGreaterThan(0);
    expect(anne.body.entries.every((e: { userEmail: string }) => e.userEmail === "anne@company.com")).toBe(
      true,
    );
    expect((await query("status=abc")).status).toBe(400);
  });

  it("reads a time range as meant: a date alone as that whole day, a time only with its offset, never reversed", async () => {
    const today = new Date().toISOString().slice(0, 10);
    // Every entry was made today: "from today to today" is all of them (the end of the day, not its first instant).
    expect((await query(`from=${today}&to=${today}&limit=200`)).body.entries).toHaveLength(30);
    const paths = async (q: string) => {
      const r = await query(q);
      expect(r.status).toBe(400);
      return r.body.error.details.map((d: { path: string }) => d.path);
    };
    expect(await paths("from=2026-04-02&to=2026-04-01")).toEqual(["to"]);
    // Without an offset a time would be read in the server's zone; a bare number would be a year.
    expect(await paths("from=2026-04-01T08:00")).toEqual(["from"]);
    expect(await paths("to=1")).toEqual(["to"]);
    // One bad end with a good other end: the bad one's issue, not a 500 from comparing them.
    expect(await paths("from=2026-04-01T08:00:00&to=2026-04-02")).toEqual(["from"]);
    expect(await paths("from=2026-04-01&to=nope")).toEqual(["to"]);
  });

  it("shows one entry whole, with a curl command that masks the key", async () => {
    const [failure] = (await query("outcome=failure&limit=1")).body.entries;
    const r = await callRoute(getEntry, {
      token,
      params: { id: integrationId, entryId: String(failure.id) },
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.entry.responseBody)).toEqual({ error: "employeeId unknown" });
    expect(JSON.parse(r.body.entry.requestBody)).toHaveProperty("employeeId");
    expect(r.body.curl).toContain("curl -i -X POST");
    // The fixture trusts a private CA: the command says which file to pass; no client certificate is used.
    expect(r.body.curl).toContain("--cacert ca-bundle.pem");
    expect(r.body.curl).not.toContain("--cert ");
    expect(r.text).not.toContain(RECEIVER_API_KEY);
    expect(
      (await callRoute(getEntry, { token, params: { id: integrationId, entryId: "999999" } })).status,
    ).toBe(404);
  });

  it("downloads the filtered entries as CSV and NDJSON", async () => {
    const csv = await callRoute(exportLog, {
      token,
      path: `/x?format=csv&outcome=failure`,
      params: { id: integrationId },
    });
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,createdAt,outcome,status/);
    expect(lines.filter((l) => /^\d+,/.test(l))).toHaveLength(10);
    const nd = await callRoute(exportLog, { token, path: `/x?format=ndjson`, params: { id: integrationId } });
    const rows = nd.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(30);
    expect(nd.text).not.toContain(RECEIVER_API_KEY);
  });

  it("counts an interrupted attempt as failed, and gives a failure's technical details in the entry and the NDJSON", async () => {
    const [failure] = (await query("outcome=failure&limit=1")).body.entries;
    const detail = "80CC10C2117F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number";
    await bed.t.db.update(syncLog).set({ errorDetail: detail }).where(eq(syncLog.id, failure.id));
    const [row] = await bed.t.db.select().from(syncLog).where(eq(syncLog.id, failure.id));
    await insertSyncLogRows(bed.t.db, [
      serializeSyncLogRow({ ...row!, outcome: "interrupted", status: null, errorCode: "interrupted" }),
    ]);
    expect((await query("outcome=failure")).body.entries).toHaveLength(11);
    const interrupted = (await query("outcome=interrupted")).body.entries;
    expect(interrupted.map((e: { outcome: string }) => e.outcome)).toEqual(["interrupted"]);

    const entry = await callRoute(getEntry, {
      token,
      params: { id: integrationId, entryId: String(failure.id) },
    });
    expect(entry.body.entry.errorDetail).toBe(detail);
    const nd = await callRoute(exportLog, { token, path: `/x?format=ndjson`, params: { id: integrationId } });
    expect(nd.text).toContain(`"errorDetail":"${detail}"`);
  });
});
