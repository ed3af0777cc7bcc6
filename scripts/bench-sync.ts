// npm run bench:sync [-- --concurrency 4] [--delay 250] [--backlog 1000000 [--seconds 30]] [--completions N]
// A sync run against a loopback keep-alive HTTPS receiver (in its own process), on an embedded PostgreSQL of its own.
//   default:     20,000 completions, every attempt logged. Baselines in the same run: autocannon POSTing the same
//                body and headers to the same receiver with C connections (the raw ceiling), lib/delivery's
//                sendAttempt alone in C loops (what the engine adds: claiming and logging), and the same sync with
//                attempts not recorded in flight before they leave (what crash exactness costs), and with a bare
//                round trip in place of the record (the least a record acknowledged before sending can cost): two
//                runs each, alternating, on integrations of their own. Prints the ratios.
//   --delay MS:  the receiver answers after MS; the ceiling is C / MS, and the run should come close to it.
//   --backlog N: N completions inserted set-based; the run creates their deliveries, syncs a 30 s slice and is
//                stopped by its stop signal. Memory must not grow with the backlog: RSS in both halves of the
//                slice, and the heap retained before and after.
import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import https from "node:https";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import type { DbHandle } from "../db/client";
import { findIntegration } from "../db/queries/integrations";
import { sendAttempt } from "../lib/delivery";
import { getTestPki } from "../lib/delivery/test-support/pki";
import { USER_AGENT } from "../lib/delivery/user-agent";
import { connectionFromIntegration } from "../lib/integrations/connection";
import { resetSettingsCache } from "../lib/settings";
import { type RunSyncOptions, runSync } from "../lib/sync/run-sync";
import { addTestIntegration, RECEIVER_API_KEY, seedSyncFixture } from "../lib/sync/test-support/fixture";
import { runBench, withBenchDatabase } from "./bench/database";
import { canMeasureCpu, measureCpu, perUnit, postgresPids } from "./bench/process-cpu";

type ReceiverConfig = { certPem: string; keyPem: string; delayMs: number };

/** The receiver process: answers every POST with 200 (after `delayMs`), keeps connections alive, records nothing. */
function serveReceiver(): void {
  process.once("message", (config: ReceiverConfig) => {
    const server = https.createServer({ cert: config.certPem, key: config.keyPem, keepAliveTimeout: 60_000 });
    server.on("request", (req, res) => {
      req.resume();
      req.on("end", () => {
        const answer = () =>
          res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
        if (config.delayMs > 0) setTimeout(answer, config.delayMs);
        else answer();
      });
    });
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}

async function startReceiverProcess(delayMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(import.meta.filename, ["--serve-receiver"], { execArgv: process.execArgv });
  const { certPem, keyPem } = getTestPki().server;
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: { port: number }) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`the receiver exited with code ${code}`)));
    child.send({ certPem, keyPem, delayMs } satisfies ReceiverConfig);
  });
  return { url: `https://127.0.0.1:${port}/completions`, child };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

/** Completions for the backlog mode, inserted in one statement on the seeded learners and courses. */
async function insertBacklog(handle: DbHandle, count: number): Promise<void> {
  await handle.db.execute(sql`
    insert into completions (user_id, activity_id, completion_date, best_combined, best_score, recorded_at)
    select u.ids[1 + (g % array_length(u.ids, 1))], a.ids[1 + (g % array_length(a.ids, 1))],
      now() - make_interval(mins => g % 100000), case when g % 7 = 0 then 0 else 100 end, g % 101,
      now() - make_interval(mins => g % 100000)
    from generate_series(1, ${count}) as g,
      (select array_agg(id) as ids from users) u, (select array_agg(id) as ids from activities) a`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      concurrency: { type: "string", default: "4" },
      delay: { type: "string", default: "0" },
      backlog: { type: "string", default: "0" },
      completions: { type: "string" },
      seconds: { type: "string", default: "30" },
    },
  });
  const concurrency = Number(values.concurrency);
  const delayMs = Number(values.delay);
  const backlog = Number(values.backlog);
  const mode = backlog > 0 ? "backlog" : delayMs > 0 ? "delay" : "throughput";
  // The delay mode runs 100 rounds of C attempts: long enough to measure, short enough to wait for.
  const completions = Number(
    values.completions ?? (mode === "delay" ? Math.max(400, concurrency * 100) : 20_000),
  );
  process.env.APP_ENV = "test"; // loopback receivers are refused only in production
  resetSettingsCache();

  await withBenchDatabase("sync", async (handle, dataDir) => {
    const started = await startReceiverProcess(delayMs);
    try {
      const seedStart = performance.now();
      const { integrationId } = await seedSyncFixture(handle.db, {
        endpointUrl: started.url,
        completions: mode === "backlog" ? 0 : completions,
        users: 200,
        integration: { concurrency, timeoutMs: 30_000, failureThreshold: 1_000 },
      });
      if (mode === "backlog") await insertBacklog(handle, backlog);
      const seedSeconds = (performance.now() - seedStart) / 1000;
      console.log(
        `mode ${mode}: concurrency ${concurrency}${delayMs ? `, receiver delay ${delayMs} ms` : ""}, ${fmt(mode === "backlog" ? backlog : completions)} completions (seeded in ${fmt(seedSeconds, 1)} s)`,
      );

      if (mode === "backlog") await runBacklog(handle, integrationId, Number(values.seconds));
      else if (mode === "delay") await runDelay(handle, integrationId, concurrency, delayMs);
      else {
        const receiverPid = started.child.pid ?? 0;
        const groups = {
          worker: () => [process.pid],
          postgres: () => postgresPids(dataDir),
          receiver: () => [receiverPid],
        };
        await runThroughput(handle, integrationId, started.url, concurrency, groups);
      }
    } finally {
      started.child.kill();
    }
  });
}

async function timedRun(handle: DbHandle, integrationId: string, options: RunSyncOptions = {}) {
  const t0 = performance.now();
  const summary = await runSync(handle.db, integrationId, "manual", options);
  const seconds = (performance.now() - t0) / 1000;
  if (!summary.ran) throw new Error(`the run did not start: ${summary.reason}`);
  const [logged] = await handle.db.execute<{ n: number }>(
    sql`select count(*)::int as n from sync_log where run_id = ${summary.runId}`,
  );
  if (Number(logged?.n) !== summary.sent) throw new Error(`${summary.sent} sent but ${logged?.n} log rows`);
  if (summary.succeeded !== summary.sent)
    throw new Error(`only ${summary.succeeded} of ${summary.sent} succeeded`);
  return { summary, seconds, rate: summary.sent / seconds };
}

async function runThroughput(
  handle: DbHandle,
  integrationId: string,
  url: string,
  concurrency: number,
  groups: Record<string, () => number[]>,
) {
  const measured = await measureCpu(groups, () => timedRun(handle, integrationId));
  const run = measured.result;
  console.log(
    `sync:       ${fmt(run.summary.sent)} deliveries in ${fmt(run.seconds, 2)} s = ${fmt(run.rate)} deliveries/s (every attempt logged)`,
  );
  const exactness = await exactnessCost(handle, url, concurrency);
  console.log(
    `unrecorded: ${exactness.unrecorded.map((r) => fmt(r)).join(", ")} deliveries/s without recording attempts in flight; with: ${exactness.recorded.map((r) => fmt(r)).join(", ")}; a bare round trip instead: ${exactness.roundTrip.map((r) => fmt(r)).join(", ")}`,
  );
  console.log(
    `ratio:      ${fmt(exactness.ratio, 2)} (recorded ÷ unrecorded, same run: what crash exactness costs)`,
  );
  console.log(
    `ratio:      ${fmt(exactness.roundTripRatio, 2)} (round trip ÷ unrecorded: the least any record acknowledged before sending costs)`,
  );
  const [row] = await handle.db.execute<{ body: string }>(
    sql`select request_body as body from sync_log limit 1`,
  );
  const library = await sendAttemptRate(
    handle,
    integrationId,
    JSON.parse(row?.body ?? "{}"),
    concurrency,
    5_000,
  );
  console.log(
    `library:    ${fmt(library)} requests/s (lib/delivery sendAttempt in ${concurrency} loops, no database)`,
  );
  const cannon = await measureCpu({ autocannon: groups.worker!, receiver: groups.receiver! }, () =>
    autocannon({
      url,
      method: "POST",
      connections: concurrency,
      pipelining: 1,
      duration: 10,
      body: row?.body ?? "{}",
      headers: {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "idempotency-key": randomUUID(),
        "x-api-key": RECEIVER_API_KEY,
      },
    }),
  );
  const result = cannon.result;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`autocannon saw ${result.non2xx} non-2xx, ${result.errors} errors`);
  const ceiling = result.requests.average;
  console.log(
    `raw POSTs:  ${fmt(ceiling)} requests/s (autocannon, ${concurrency} connections, same body and headers)`,
  );
  console.log(`ratio:      ${fmt(run.rate / ceiling, 2)} (sync ÷ raw; target ≥ 0.6)`);
  console.log(`ratio:      ${fmt(run.rate / library, 2)} (sync ÷ library: the cost of claiming and logging)`);
  if (!canMeasureCpu) return;
  // The budget: every process of the benchmark shares this machine's cores, so CPU per delivery caps the rate.
  const sync = perUnit(measured.cpuMs, run.summary.sent);
  const raw = perUnit(cannon.cpuMs, result.requests.total);
  const cap = (us: number) => fmt((measured.cores * 1_000_000) / us);
  console.log(
    `cpu/sync:   ${sync.text} per delivery; ${measured.cores} cores cap this at ${cap(sync.totalUs)}/s`,
  );
  console.log(
    `cpu/raw:    ${raw.text} per request; ${measured.cores} cores cap this at ${cap(raw.totalUs)}/s`,
  );
}

/**
 * The sync with and without attempts recorded in flight before they leave, alternating (unrecorded first), each
 * run on an integration of its own over the same completions; and with a bare round trip (`select 1`) in place of
 * the record, which is the least that any record acknowledged before the requests leave can cost. The ratios are
 * of the summed rates.
 */
async function exactnessCost(handle: DbHandle, url: string, concurrency: number) {
  const modes = {
    unrecorded: { recordInFlight: async () => {} },
    roundTrip: {
      recordInFlight: async (db) => {
        await db.$client`select 1`;
      },
    },
    recorded: {},
  } satisfies Record<string, RunSyncOptions>;
  type Mode = keyof typeof modes;
  const rates: Record<Mode, number[]> = { unrecorded: [], roundTrip: [], recorded: [] };
  for (let pass = 0; pass < 2; pass++) {
    for (const mode of Object.keys(modes) as Mode[]) {
      const options: RunSyncOptions = modes[mode];
      const { integrationId } = await addTestIntegration(handle.db, {
        endpointUrl: url,
        concurrency,
        timeoutMs: 30_000,
        failureThreshold: 1_000,
        sendFrom: new Date(Date.now() - 365 * 86_400_000),
      });
      rates[mode].push((await timedRun(handle, integrationId, options)).rate);
    }
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    ...rates,
    ratio: sum(rates.recorded) / sum(rates.unrecorded),
    roundTripRatio: sum(rates.roundTrip) / sum(rates.unrecorded),
  };
}

/** The same attempts through lib/delivery only (no claim, no log), `concurrency` at a time for `ms`. */
async function sendAttemptRate(handle: DbHandle, id: string, body: unknown, concurrency: number, ms: number) {
  const integration = await findIntegration(handle.db, id);
  const conn = integration && connectionFromIntegration(integration);
  if (!conn?.ok) throw new Error("the integration's connection settings cannot be read");
  const { settings } = conn;
  const until = performance.now() + ms;
  let sent = 0;
  const loop = async () => {
    while (performance.now() < until) {
      const outcome = await sendAttempt({
        settings,
        target: "production",
        body,
        idempotencyKey: randomUUID(),
      });
      if (!outcome.ok) throw new Error(`sendAttempt failed: ${outcome.error?.message ?? outcome.status}`);
      sent += 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return sent / ((performance.now() - t0) / 1000);
}

async function runDelay(handle: DbHandle, integrationId: string, concurrency: number, delayMs: number) {
  const run = await timedRun(handle, integrationId);
  const ideal = concurrency / (delayMs / 1000);
  console.log(
    `sync:       ${fmt(run.summary.sent)} deliveries in ${fmt(run.seconds, 2)} s = ${fmt(run.rate, 1)} deliveries/s`,
  );
  console.log(`ideal:      ${fmt(ideal, 1)} deliveries/s (${concurrency} at a time, ${delayMs} ms each)`);
  console.log(`ratio:      ${fmt(run.rate / ideal, 2)} (sync ÷ ideal; target ≥ 0.9)`);
}

/** A full collection, so heap figures mean what is retained (the flag is set at run time: no node option needed). */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

async function runBacklog(handle: DbHandle, integrationId: string, seconds: number) {
  collectGarbage();
  const before = process.memoryUsage();
  const peaks = [before.rss, before.rss]; // first and second half of the slice
  let half = 0;
  const sampler = setInterval(() => {
    peaks[half] = Math.max(peaks[half] ?? 0, process.memoryUsage().rss);
  }, 100);
  // The run creates the deliveries itself (one statement); the timed slice starts once it begins sending.
  const t0 = performance.now();
  let sendingFrom = 0;
  const stop = new AbortController();
  const timers: NodeJS.Timeout[] = [];
  const onLog = (m: string) => {
    if (sendingFrom > 0 || !/new deliveries/.test(m)) return;
    sendingFrom = performance.now();
    const created = Number(/(\d+) new deliveries/.exec(m)?.[1]);
    const took = fmt((sendingFrom - t0) / 1000, 1);
    console.log(`deliveries: ${fmt(created)} created by the run in ${took} s (one statement, then ANALYZE)`);
    timers.push(setTimeout(() => (half = 1), (seconds * 1000) / 2));
    timers.push(setTimeout(() => stop.abort(), seconds * 1000));
  };
  try {
    const run = await timedRun(handle, integrationId, { stopSignal: stop.signal, onLog });
    const sendSeconds = (performance.now() - sendingFrom) / 1000;
    const [left] = await handle.db.execute<{ pending: number; leased: number }>(sql`
      select count(*)::int as pending, (count(*) filter (where leased_until is not null))::int as leased
      from deliveries where state = 'pending'`);
    console.log(
      `sync:       ${fmt(run.summary.sent)} deliveries in ${fmt(sendSeconds, 1)} s = ${fmt(run.summary.sent / sendSeconds)} deliveries/s, then stopped by the stop signal; ${fmt(Number(left?.pending))} still pending, ${fmt(Number(left?.leased))} of them leased`,
    );
  } finally {
    for (const t of timers) clearTimeout(t);
    clearInterval(sampler);
  }
  collectGarbage();
  const after = process.memoryUsage();
  console.log(
    `rss:        ${mb(before.rss)} before; peak ${mb(peaks[0] ?? 0)} in the first half of the slice, ${mb(peaks[1] ?? 0)} in the second`,
  );
  console.log(
    `heap:       ${mb(before.heapUsed)} retained before, ${mb(after.heapUsed)} after (after a full GC)`,
  );
}

if (process.argv.includes("--serve-receiver")) serveReceiver();
else runBench(main);
