import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertSyncLogRows, serializeSyncLogRow } from "@/db/queries/sync-log";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { seedLogFixture } from "@/lib/sync-log/test-support/log-fixture";
import { GET as getEntry } from "../[entryId]/route";
import { GET as exportLog } from "./route";

let t: TestDatabase;
let token: string;
let integrationId: string;
const ROWS = 5_000; // more than two of the export's batches
const FORMULAS = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR"];

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ({ integrationId } = await seedLogFixture(t.db, { rows: ROWS, learners: 50 }));
  await insertSyncLogRows(
    t.db,
    FORMULAS.map((errorMessage) =>
      serializeSyncLogRow({
        integrationId,
        durationMs: 1,
        attempt: 1,
        requestUrl: "https://hr.example.com/in",
        requestHeaders: {},
        requestBody: "{}",
        status: 500,
        errorMessage,
        outcome: "failure",
        mappingVersion: 1,
      }),
    ),
  );
  token = (await createApiUsers(t)).viewerToken;
}, 120_000);
afterAll(async () => {
  await t.drop();
});

/** The download's exact bytes (Response.text() would drop the byte-order mark). */
async function download(query: string): Promise<Buffer> {
  const request = new Request(`http://localhost/api/integrations/${integrationId}/log/export?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const res = await exportLog(request, { params: Promise.resolve({ id: integrationId }) });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe("the log export", () => {
  it("streams every entry as CSV with a byte-order mark, accented names intact and formulas neutralised", async () => {
    const bytes = await download("format=csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const lines = text.split("\r\n").filter((l) => /^\d+,/.test(l));
    expect(lines).toHaveLength(ROWS + FORMULAS.length);
    expect(new Set(lines.map((l) => l.split(",")[0])).size).toBe(ROWS + FORMULAS.length);
    expect(text).toContain("zoë.müller");
    for (const formula of FORMULAS) expect(text).toContain(`"'${formula}"`);
    expect(text).not.toMatch(/,=1\+2/);
    expect(text.split("\r\n")[0]).toContain("requestBody");
  });

  it("leaves the bodies out of a metadata CSV, every entry still there", async () => {
    const text = (await download("format=csv&columns=metadata&outcome=failure")).toString("utf8").slice(1);
    const [header, ...rest] = text.split("\r\n").filter(Boolean);
    expect(header).not.toContain("requestBody");
    expect(header).not.toContain("responseBody");
    expect(header).toContain("errorMessage");
    const failures = (
      await callRoute(exportLog, {
        token,
        path: "/x?format=ndjson&outcome=failure",
        params: { id: integrationId },
      })
    ).text;
    expect(rest).toHaveLength(failures.trim().split("\n").length);
  });

  it("writes each NDJSON line as the API gives the entry, newest first", async () => {
    const lines = (await download("format=ndjson"))
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(ROWS + FORMULAS.length);
    const times = lines.map((l) => l.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const one = lines[ROWS / 2];
    const entry = (
      await callRoute(getEntry, { token, params: { id: integrationId, entryId: String(one.id) } })
    ).body.entry;
    expect(Object.keys(one)).toEqual(Object.keys(entry));
    expect(one).toEqual(entry);
  });
});
