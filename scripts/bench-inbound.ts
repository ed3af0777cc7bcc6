// npm run bench:inbound [-- --batches 20 --rounds 3]
// Inbound completions through the app: batches of 1,000 completions POSTed, signed by the reference Standard Webhooks
// library, to POST /api/inbound/:sourceId served over a real HTTP server (the route handler as Next calls it) on an
// embedded PostgreSQL of its own. Items stored per second, against the baseline measured in the same run: a plain
// multi-row INSERT of the same rows, 1,000 per statement (target: at least half of it).
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { POST } from "../app/api/inbound/[sourceId]/route";
import type { DbHandle } from "../db/client";
import { createInboundSource } from "../lib/inbound/sources";
import { resetSettingsCache } from "../lib/settings";
import { runBench, withBenchDatabase } from "./bench/database";

const BATCH = 1_000;
const USERS = 2_000;
const ACTIVITIES = 100;

type Row = { userId: number; activityId: number; date: Date; combined: number; score: number };

/** Distinct completions (user, activity, date), none stored yet; `offset` keeps rounds apart. */
function makeRows(count: number, offset: number): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const g = offset + i;
    return {
      userId: 1 + (g % USERS),
      activityId: 1 + (Math.floor(g / USERS) % ACTIVITIES),
      date: new Date(Date.UTC(2025, 0, 1) + g * 60_000),
      combined: g % 3 === 0 ? 0 : 100,
      score: g % 101,
    };
  });
}

const asItem = (r: Row) => ({
  userName: `user${r.userId}`,
  activityName: `Course ${r.activityId}`,
  completionDate: r.date.toISOString(),
  bestCombined: r.combined,
  bestScore: r.score,
});

/** The route handler behind a real HTTP server, as the web process serves it. */
async function serveRoute(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const sourceId = req.url!.split("/").pop()!;
    const request = new Request(`http://localhost${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await POST(request, { params: Promise.resolve({ sourceId }) });
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/inbound/`, close: () => server.close() };
}

type SignedRequest = { body: string; headers: Record<string, string> };

/** Each batch as a signed request, made before the clock starts: the sender's work is not the server's. */
function signRequests(secret: string, batches: Row[][]): SignedRequest[] {
  const wh = new Webhook(secret);
  return batches.map((rows, i) => {
    const body = JSON.stringify({ type: "completions", items: rows.map(asItem) });
    const id = `msg_bench_${randomBytes(6).toString("hex")}_${i}`;
    const at = new Date();
    return {
      body,
      headers: {
        "content-type": "application/json",
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": wh.sign(id, at, body),
      },
    };
  });
}

/** Milliseconds for the app to answer one signed batch; every item must be stored. */
async function timePost(url: string, req: SignedRequest): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { method: "POST", headers: req.headers, body: req.body });
  const reply = (await res.json()) as { results?: { ok: boolean }[] };
  const ms = performance.now() - t0;
  const stored = reply.results?.filter((r) => r.ok).length ?? 0;
  if (res.status !== 200 || stored !== BATCH) {
    throw new Error(
      `inbound answered ${res.status} with ${stored} items stored: ${JSON.stringify(reply).slice(0, 300)}`,
    );
  }
  return ms;
}

/** Milliseconds for one multi-row INSERT of the batch's rows, then (not timed) their removal again. */
async function timeInsert(h: DbHandle, rows: Row[]): Promise<number> {
  const t0 = performance.now();
  await h.sql`insert into completions ${h.sql(
    rows.map((r) => ({
      user_id: r.userId,
      activity_id: r.activityId,
      completion_date: r.date.toISOString(),
      best_combined: r.combined,
      best_score: r.score,
    })),
  )}`;
  const ms = performance.now() - t0;
  const dates = rows.map((r) => r.date.getTime());
  await h.sql`delete from completions where completion_date between ${new Date(Math.min(...dates)).toISOString()}
    and ${new Date(Math.max(...dates)).toISOString()}`;
  return ms;
}

async function main() {
  const { values } = parseArgs({
    options: { batches: { type: "string", default: "20" }, rounds: { type: "string", default: "3" } },
  });
  const batchCount = Number(values.batches);
  const rounds = Number(values.rounds);
  await withBenchDatabase("inbound", async (h, _dir, databaseUrl) => {
    process.env.DATABASE_URL = databaseUrl;
    process.env.APP_SECRET_KEY ??= randomBytes(32).toString("base64");
    resetSettingsCache();
    await h.db.execute(
      sql`insert into activities (name) select 'Course ' || g from generate_series(1, ${ACTIVITIES}) g`,
    );
    await h.db.execute(sql`
      insert into users (user_name, email, first_name, last_name)
      select 'user' || g, 'person' || g || '@example.com', 'Anna', 'Surname' || g from generate_series(1, ${USERS}) g`);
    const { row: source, signingSecret } = await createInboundSource(
      h.db,
      { name: "Bench", kinds: ["completions"], createMissing: false },
      null,
    );
    const server = await serveRoute();
    const url = `${server.url}${source.id}`;
    const batchesOf = (offset: number) =>
      Array.from({ length: batchCount }, (_, b) => makeRows(BATCH, offset + b * BATCH));
    // Warm-up: the route's modules, the pool, the plans.
    for (const rows of batchesOf(10_000_000).slice(0, 2)) {
      await timeInsert(h, rows);
      await timePost(url, signRequests(signingSecret, [rows])[0]!);
    }
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const batches = batchesOf(round * batchCount * BATCH);
      const requests = signRequests(signingSecret, batches);
      // Batch by batch, the same rows first by a plain INSERT (then removed), then through the app: a change in the
      // machine's load hits both alike.
      let insertMs = 0;
      let postMs = 0;
      for (const [i, rows] of batches.entries()) {
        insertMs += await timeInsert(h, rows);
        postMs += await timePost(url, requests[i]!);
      }
      const items = batchCount * BATCH;
      const [inbound, baseline] = [items / (postMs / 1000), items / (insertMs / 1000)];
      ratios.push(inbound / baseline);
      console.log(
        `round ${round + 1}: inbound ${Math.round(inbound)} items/s, plain INSERT ${Math.round(baseline)} rows/s, ratio ${(inbound / baseline).toFixed(2)}`,
      );
    }
    server.close();
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
    console.log(
      `inbound completions, ${batchCount} signed batches of ${BATCH} per round: ${median.toFixed(2)} of a plain INSERT's rate (median of ${rounds}; target ≥ 0.5)`,
    );
  });
}

runBench(main);
