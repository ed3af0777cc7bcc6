// npm run bench:log [-- --rows 2000000] [--exports-only]
// The sync log at the size of a large LMS (100,000 learners, 2,000,000 log rows of one integration over 180 days,
// 200,000 of a second; --rows scales it), on an embedded PostgreSQL of its own: p50 and p95 of each list query, the
// count and the integrations list through the functions the API uses, first on the baseline (the indexes as they
// were before migration 0011, and the list counting deliveries), then with the new indexes; then the export's rows
// per second and the growth of this process's memory while it streams, beside the old row-by-row export.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { DbHandle } from "../db/client";
import { countLogOutcomesByDay } from "../db/queries/stats";
import { countLogEntries } from "../db/queries/sync-log-count";
import { logPageKeysQuery } from "../db/queries/sync-log-keys";
import type { LogFilterValues } from "../db/queries/sync-log-read";
import { listIntegrations } from "../lib/integrations/list-integrations";
import { readLogPage, withLearnerIds } from "../lib/sync-log/read-page";
import { runBench, withBenchDatabase } from "./bench/database";
import { measureExports } from "./bench/log-export";
import { type LogBenchData, NO_TEXT, SOME_TEXT, seedLogBench } from "./bench/log-seed";
import { type Percentiles, percentilesMs } from "./bench/timing";

const OLD_INDEXES = [
  "create index sync_log_integration_id_idx on sync_log (integration_id, id)",
  "create index sync_log_integration_created_idx on sync_log (integration_id, created_at)",
  "create index sync_log_user_idx on sync_log (integration_id, user_id)",
];
const NEW_INDEXES = [
  "create index sync_log_integration_created_id_idx on sync_log (integration_id, created_at, id)",
  "create index sync_log_integration_user_created_idx on sync_log (integration_id, user_id, created_at, id, outcome, status)",
];
const indexName = (ddl: string) => ddl.split(" ")[2]!;

type Case = {
  name: string;
  run: (h: DbHandle) => Promise<unknown>;
  baseline?: (h: DbHandle) => Promise<unknown>;
};

function cases(d: LogBenchData, deepCursor: () => number): Case[] {
  const day = 86_400_000;
  const oneDay = new Date(Date.now() - 100 * day);
  const week = new Date(Date.now() - 30 * day);
  const page = (integrationId: string, f: LogFilterValues, cursor?: () => number) => (h: DbHandle) =>
    readLogPage(h.db, integrationId, f, 50, cursor?.());
  const A = d.integrationA;
  return [
    { name: "first page", run: page(A, {}) },
    { name: "50 pages deep (cursor)", run: page(A, {}, deepCursor) },
    { name: "outcome = failure", run: page(A, { outcome: "failure" }) },
    { name: "status = 503", run: page(A, { status: 503 }) },
    { name: "learner e-mail", run: page(A, { user: d.sampleEmail }) },
    { name: "learner e-mail (small integration)", run: page(d.integrationB, { user: d.sampleEmail }) },
    { name: "partial learner name", run: page(A, { user: "zoë hans" }) },
    { name: "one day, 100 days back", run: page(A, { from: oneDay, to: new Date(oneDay.getTime() + day) }) },
    { name: "text matching some rows", run: page(A, { q: SOME_TEXT }) },
    { name: "text matching none", run: page(A, { q: NO_TEXT }) },
    {
      name: "failures in a week (combined)",
      run: page(A, { outcome: "failure", from: week, to: new Date(week.getTime() + 7 * day) }),
    },
    { name: "learner name + failures (combined)", run: page(A, { user: "zoë hans", outcome: "failure" }) },
    {
      name: "total count (no filter)",
      run: (h) => countLogEntries(h.db, A, {}),
      baseline: (h) => h.db.execute(sql`select count(*) from sync_log where integration_id = ${A}::uuid`),
    },
    {
      name: "integrations list + 30-day chart",
      run: (h) => listIntegrations(h.db, "Europe/Copenhagen"),
      // Before the rollup: every delivery counted per state (the old listIntegrationsWithStats), beside the chart.
      baseline: (h) =>
        Promise.all([
          h.db.execute(sql`select i.*, c.* from integrations i left join (
            select integration_id, count(*) filter (where state in ('pending', 'retrying')) as pending,
              count(*) filter (where state = 'failed') as failed, count(*) filter (where state = 'succeeded') as succeeded
            from deliveries group by integration_id) c on c.integration_id = i.id order by i.created_at desc`),
          countLogOutcomesByDay(h.db, { days: 30, now: new Date(), timeZone: "Europe/Copenhagen" }),
        ]),
    },
  ];
}

async function setIndexes(h: DbHandle, drop: string[], create: string[]) {
  for (const ddl of drop) await h.db.execute(sql.raw(`drop index if exists ${indexName(ddl)}`));
  for (const ddl of create) await h.db.execute(sql.raw(ddl));
  await h.db.execute(sql`analyze sync_log`);
}

async function explain(h: DbHandle, d: LogBenchData, name: string, f: LogFilterValues) {
  const resolved = await withLearnerIds(h.db, f);
  const rows = await h.db.execute<{ "QUERY PLAN": string }>(
    sql`explain (analyze, costs off, summary off, buffers off) ${logPageKeysQuery(h.db, d.integrationA, resolved, 50)}`,
  );
  console.log(`\n  ${name}:`);
  // A long list of learner ids is cut to its start.
  for (const r of rows) console.log(`    ${r["QUERY PLAN"].replace(/'\{([^}]{40})[^}]*\}'/g, "'{$1,…}'")}`);
}

const fmt = (p: Percentiles) => `${p.p50.toFixed(1).padStart(8)} ${p.p95.toFixed(1).padStart(8)}`;

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "2000000" },
      "exports-only": { type: "boolean", default: false },
    },
  });
  const rowsA = Number(values.rows);
  const size = {
    rowsA,
    rowsB: Math.round(rowsA / 10),
    learners: Math.max(2_000, Math.round(rowsA / 20)),
    days: 180,
  };
  await withBenchDatabase("log", async (h, dataDir) => {
    for (const s of ["maintenance_work_mem = '256MB'", "max_wal_size = '4GB'", "synchronous_commit = off"]) {
      await h.db.execute(sql.raw(`alter system set ${s}`));
    }
    await h.db.execute(sql`select pg_reload_conf()`);
    await setIndexes(h, NEW_INDEXES, []); // filled without the log's secondary indexes, then built at once
    const t0 = performance.now();
    const d = await seedLogBench(h, size);
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `${size.learners.toLocaleString("en-US")} learners, ${rowsA.toLocaleString("en-US")} + ${size.rowsB.toLocaleString("en-US")} log rows over ${size.days} days (seeded in ${seconds.toFixed(0)} s)`,
    );
    if (values["exports-only"]) {
      await setIndexes(h, [], NEW_INDEXES);
      return measureExports(h, d, rowsA, dataDir);
    }
    await setIndexes(h, [], OLD_INDEXES);
    let cursor = 0;
    for (let i = 0; i < 50; i++)
      cursor = (await readLogPage(h.db, d.integrationA, {}, 50, cursor || undefined)).nextCursor!;
    const all = cases(d, () => cursor);
    const baseline = new Map<string, Percentiles>();
    for (const c of all) baseline.set(c.name, await percentilesMs(() => (c.baseline ?? c.run)(h)));
    await setIndexes(h, OLD_INDEXES, NEW_INDEXES);

    console.log(
      `\nserver-side ms through the API's query functions      new p50   new p95 | baseline p50  p95   (runs)`,
    );
    let worst = 0;
    for (const c of all) {
      const now = await percentilesMs(() => c.run(h));
      const base = baseline.get(c.name)!;
      if (!c.name.startsWith("integrations")) worst = Math.max(worst, now.p95);
      console.log(
        `  ${c.name.padEnd(44)} ${fmt(now)} | ${fmt(base)}  (${base.runs})  ${(base.p95 / now.p95).toFixed(1)}× at p95`,
      );
    }
    console.log(`  slowest list query p95: ${worst.toFixed(1)} ms (target ≤ 150 ms)`);

    console.log("\nquery plans (EXPLAIN ANALYZE of the page's key query):");
    const oneDay = new Date(Date.now() - 100 * 86_400_000);
    await explain(h, d, "one day, 100 days back", {
      from: oneDay,
      to: new Date(oneDay.getTime() + 86_400_000),
    });
    await explain(h, d, "learner e-mail", { user: d.sampleEmail });
    await explain(h, d, "partial learner name", { user: "zoë hans" });
    await explain(h, d, "text matching none", { q: NO_TEXT });
    await explain(h, d, "learner name + failures", { user: "zoë hans", outcome: "failure" });

    await measureExports(h, d, rowsA, dataDir);
  });
}

runBench(main);
