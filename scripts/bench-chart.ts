// npm run bench:chart [-- --rows 1000000]
// The list page's 30-day chart (refreshed every 15 s while the page is open) on a large sync log, on an embedded
// PostgreSQL of its own: summing the quarter-hour counts the log insert keeps, against counting the log itself
// (the baseline, measured in the same run).
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { DbHandle } from "../db/client";
import { countLogOutcomesByDay } from "../db/queries/stats";
import { medianMs, runBench, withBenchDatabase } from "./bench/database";

const BUCKET = sql`date_bin('15 minutes', created_at, timestamptz '2000-01-01 00:00:00+00')`;

/** `rows` log rows over the last 30 days across 20 integrations, and their counts (as the log insert keeps them). */
async function seed(h: DbHandle, rows: number) {
  await h.db.execute(sql`
    insert into integrations (name, endpoint_url, auth_type)
    select 'Integration ' || g, 'https://hr.example.com/in', 'none' from generate_series(1, 20) g`);
  await h.db.execute(sql`
    insert into sync_log (integration_id, created_at, duration_ms, attempt, request_url, request_headers, request_body,
      status, outcome, mapping_version)
    select i.ids[1 + g % 20], now() - make_interval(secs => g % 2592000), 10, 1, 'https://hr.example.com/in',
      '{"content-type":"application/json"}', '{"employeeId":"E1","score":87,"status":"passed"}', 200,
      case when g % 10 = 0 then 'failure' else 'success' end, 1
    from generate_series(1, ${rows}) g, (select array_agg(id) as ids from integrations) i`);
  await h.db.execute(sql`
    insert into sync_log_counts (bucket, integration_id, outcome, count)
    select ${BUCKET}, integration_id, outcome, count(*) from sync_log group by 1, 2, 3`);
  await h.db.execute(sql`vacuum analyze`);
}

async function main() {
  const { values } = parseArgs({ options: { rows: { type: "string", default: "1000000" } } });
  const rows = Number(values.rows);
  await withBenchDatabase("chart", async (h) => {
    const t0 = performance.now();
    await seed(h, rows);
    console.log(
      `${rows.toLocaleString("en-US")} log rows in 30 days (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const window = { days: 30, now: new Date(), timeZone: "Europe/Copenhagen" };
    const chart = await medianMs(() => countLogOutcomesByDay(h.db, window));
    const baseline = await medianMs(() =>
      h.db.execute(sql`
        select integration_id, to_char(created_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD') as day, outcome,
          count(*) from sync_log where created_at >= now() - interval '30 days' group by 1, 2, 3`),
    );
    console.log(`chart:      ${chart.toFixed(1)} ms (sum of the quarter-hour counts)`);
    console.log(`baseline:   ${baseline.toFixed(1)} ms (count the log itself)`);
    console.log(`ratio:      ${(baseline / chart).toFixed(1)}× faster`);
  });
}

runBench(main);
