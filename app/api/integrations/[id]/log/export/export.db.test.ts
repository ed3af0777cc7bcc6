import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertSyncLogRows, serializeSyncLogRow } from "@/db/queries/sync-log";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { CSV_METADATA_COLUMNS, csvHeader, toCsvLine } from "@/lib/sync-log/export";
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
        responseBody: "<html>…",
        responseTruncated: true,
        diagnosis: "server_error",
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

  it("says in a column when a response body was cut, and gives a failure's diagnosis", async () => {
    const text = (await download("format=csv&columns=metadata")).toString("utf8").slice(1);
    const [header, ...rows] = text.split("\r\n").filter(Boolean);
    const columns = header!.split(",");
    const cut = columns.indexOf("responseTruncated");
    const diagnosis = columns.indexOf("diagnosis");
    expect(cut).toBeGreaterThan(-1);
    expect(diagnosis).toBeGreaterThan(-1);
    const cells = rows.map((r) => r.split(","));
    expect(new Set(cells.map((c) => c[cut]))).toEqual(new Set(["true", "false"]));
    expect(cells.filter((c) => c[diagnosis] === "server_error")).toHaveLength(FORMULAS.length);
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

describe("the CSV PostgreSQL writes", () => {
  // Cells made of what CSV and spreadsheets treat specially, in any order, beside ordinary and accented text.
  const tricky = fc.string({
    unit: fc.constantFrom(
      "=",
      "+",
      "-",
      "@",
      "\t",
      "\r",
      "\n",
      '"',
      ",",
      "'",
      " ",
      "a",
      "Z",
      "0",
      "é",
      "ß",
      "😀",
      ";",
    ),
    maxLength: 12,
  });
  const cells = fc.sample(fc.oneof(tricky, fc.string({ unit: "grapheme", maxLength: 8 })), {
    seed: 4711,
    numRuns: 300,
  });

  it("is byte for byte what csvCell writes for the same entries, whatever their text", async () => {
    await insertSyncLogRows(
      t.db,
      cells.map((text, i) =>
        serializeSyncLogRow({
          integrationId,
          durationMs: i,
          attempt: 1 + (i % 3),
          requestUrl: `https://hr.example.com/${encodeURIComponent(text)}`,
          requestHeaders: {},
          requestBody: text,
          responseBody: cells[(i + 1) % cells.length],
          status: 418,
          errorMessage: text,
          outcome: "failure",
          mappingVersion: 1,
        }),
      ),
    );
    const entries = (await download("format=ndjson&status=418"))
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(entries).toHaveLength(cells.length);
    const csv = (await download("format=csv&status=418")).toString("utf8");
    expect(csv).toBe(csvHeader() + entries.map((e) => toCsvLine(e)).join(""));
    const metadata = (await download("format=csv&columns=metadata&status=418")).toString("utf8");
    expect(metadata).toBe(
      csvHeader(CSV_METADATA_COLUMNS) + entries.map((e) => toCsvLine(e, CSV_METADATA_COLUMNS)).join(""),
    );
  });
});
