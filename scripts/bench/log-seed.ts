// The sync log of a large LMS for npm run bench:log, filled with set-based SQL (generate_series), not row by row:
// learners, their completions, two integrations with one delivery per completion, and their log over 180 days.
import { sql } from "drizzle-orm";
import type { DbHandle, DbOrTx } from "../../db/client";

export type LogBenchSize = { learners: number; rowsA: number; rowsB: number; days: number };

/** The ids the queries of the benchmark are about. */
export type LogBenchData = { integrationA: string; integrationB: string; sampleEmail: string };

/** One text every twentieth failure carries (free text that matches some rows), and one no row holds. */
export const SOME_TEXT = "certificate has expired";
export const NO_TEXT = "no-such-text-anywhere-4711";

const FIRST = `'{Anne,Bjørn,Søren,Élodie,Mads,Ida,Karl,Zoë,Jürgen,Lærke,Omar,Chen}'::text[]`;
const LAST = `'{Hansen,Jensen,Nielsen,Pedersen,Andersen,Müller,Larsen,Dubois,Kristensen,Østergaard}'::text[]`;

export async function seedLogBench(h: DbHandle, size: LogBenchSize): Promise<LogBenchData> {
  // One transaction without triggers (foreign-key checks and the delivery counts; those are summed after).
  const data = await h.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    return fill(tx, size);
  });
  await h.db.execute(sql`
    insert into delivery_counts (integration_id, state, count)
    select integration_id, state, count(*) from deliveries group by 1, 2`);
  await h.db.execute(sql`vacuum analyze`);
  return data;
}

async function fill(db: DbOrTx, size: LogBenchSize): Promise<LogBenchData> {
  const { learners, rowsA, rowsB, days } = size;
  const completionsCount = Math.max(rowsA / 2, learners);
  const run = (q: string) => db.execute(sql.raw(q));
  await run(`insert into organisations (name) select 'Department ' || g from generate_series(1, 50) g`);
  await run(`insert into activities (name) select 'Course ' || g from generate_series(1, 200) g`);
  await run(`
    insert into users (user_name, email, first_name, last_name, organisation_id)
    select 'learner' || g, lower(f) || '.' || lower(l) || g || '@company.com', f, l, 1 + g % 50
    from generate_series(1, ${learners}) g,
      lateral (select (${FIRST})[1 + g % 12] as f, (${LAST})[1 + (g / 12) % 10] as l) n`);
  await run(`
    insert into completions (user_id, activity_id, completion_date, best_combined, best_score, recorded_at)
    select 1 + (g - 1) % ${learners}, 1 + ((g - 1) / ${learners}) % 200,
      now() - make_interval(secs => g * 10), case when g % 7 = 0 then 0 else 100 end, 40 + g % 60,
      now() - make_interval(secs => g * 10)
    from generate_series(1, ${completionsCount}) g`);
  const [a, b] = await db.execute<{ id: string }>(sql`
    insert into integrations (name, endpoint_url, auth_type)
    values ('HR system', 'https://hr.example.com/in', 'none'), ('Training register', 'https://tr.example.com/in', 'none')
    returning id`);
  // One delivery per completion for A, a tenth of them for B; delivery ids follow completion ids.
  const deliveries = (id: string, count: number) =>
    run(`
      insert into deliveries (integration_id, completion_id, state, attempts, succeeded_at)
      select '${id}', g, case when g % 50 = 0 then 'failed' when g % 97 = 0 then 'retrying'
        when g % 89 = 0 then 'pending' else 'succeeded' end, 1 + g % 3, now()
      from generate_series(1, ${count}) g`);
  await deliveries(a!.id, completionsCount);
  await deliveries(b!.id, Math.ceil(completionsCount / 10));
  await logRows(db, a!.id, { rows: rowsA, completions: completionsCount, firstDelivery: 0, learners, days });
  await logRows(db, b!.id, {
    rows: rowsB,
    completions: Math.ceil(completionsCount / 10),
    firstDelivery: completionsCount,
    learners,
    days,
  });
  await run(`
    insert into sync_log_counts (bucket, integration_id, outcome, count)
    select date_bin('15 minutes', created_at, timestamptz '2000-01-01 00:00:00+00'), integration_id, outcome, count(*)
    from sync_log group by 1, 2, 3`);
  const [u] = await db.execute<{ email: string }>(sql`select email from users where id = 4242`);
  return { integrationA: a!.id, integrationB: b!.id, sampleEmail: u?.email ?? "" };
}

/**
 * `rows` log rows of one integration, oldest first over `days` days (ids follow time, a few seconds out of order),
 * 90% successes, failures of several kinds (one in twenty with SOME_TEXT) and a few interrupted.
 */
async function logRows(
  db: DbOrTx,
  id: string,
  o: { rows: number; completions: number; firstDelivery: number; learners: number; days: number },
) {
  const { rows, completions, firstDelivery, learners, days } = o;
  const span = days * 86400;
  await db.execute(
    sql.raw(`
    insert into sync_log (integration_id, delivery_id, run_id, user_id, completion_id, created_at, duration_ms,
      attempt, request_url, request_headers, request_body, status, response_headers, response_body, error_code,
      error_message, outcome, mapping_version)
    select '${id}', ${firstDelivery} + c, 1 + g / 5000, u, c, now() - make_interval(secs => ${span} * (1 - g::float8 / ${rows}) + g % 7),
      20 + g % 400, 1 + g % 3, 'https://hr.example.com/in',
      '{"content-type":"application/json","x-api-key":"[redacted]"}',
      '{"employeeId":"learner' || u || '@company.com","courseName":"Course ' || (1 + c % 200) ||
        '","completedOn":"2026-04-11T14:32:00Z","score":87,"status":"passed","organisation":"Department ' || (1 + u % 50) || '"}',
      case k when 0 then 200 when 1 then 400 when 2 then 503 when 3 then 500 else null end,
      '{"content-type":"application/json"}',
      case k when 0 then '{"ok":true,"id":"r-' || g || '"}' when 1 then '{"error":"employeeId unknown","ref":"' || g || '"}'
        when 2 then 'Service Unavailable' else '' end,
      case k when 0 then null when 1 then 'http_status' when 2 then 'http_status' when 3 then 'http_status'
        when 4 then 'tls' else 'interrupted' end,
      case k when 0 then null when 1 then 'HTTP 400 Bad Request' when 2 then 'HTTP 503 Service Unavailable'
        when 3 then 'HTTP 500 Internal Server Error'
        when 4 then case when g % 20 = 0 then 'The receiver''s ${SOME_TEXT} (on 2026-03-01)'
          else 'The receiver does not speak TLS on this port' end
        else 'The worker stopped before the answer was recorded' end,
      case k when 0 then 'success' when 5 then 'interrupted' else 'failure' end, 1
    from generate_series(1, ${rows}) g,
      lateral (select 1 + (g - 1) % ${completions} as c) cc,
      lateral (select 1 + (cc.c - 1) % ${learners} as u,
        case when g % 10 <> 0 then 0 when g % 1000 = 0 then 5 else 1 + (g / 10) % 4 end as k) v`),
  );
}
