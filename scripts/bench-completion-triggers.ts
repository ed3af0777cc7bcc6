// npm run bench:completion-triggers [-- --rows 100000]
// What the completion triggers (a revision bumped on a change; one debounced sync job per integration with sync on
// completion, at commit) cost the writers of completions, on an embedded PostgreSQL of its own: each write with the
// triggers on, against the same write with them disabled (the baseline, measured in the same run, alternately).
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { DbHandle } from "../db/client";
import { runBench, withBenchDatabase } from "./bench/database";

/** 200 learners, one activity, 20 integrations of which 3 have sync on completion. */
async function seed(h: DbHandle) {
  await h.db.execute(sql`
    insert into users (user_name, email, first_name, last_name)
    select 'u' || g, 'u' || g || '@example.com', 'First', 'Last' from generate_series(1, 200) g`);
  await h.db.execute(sql`insert into activities (name) values ('Course')`);
  await h.db.execute(sql`
    insert into integrations (name, endpoint_url, auth_type, sync_on_completion)
    select 'Integration ' || g, 'https://hr.example.com/in', 'none', g <= 3 from generate_series(1, 20) g`);
}

const insertRows = (rows: number, offset: number) => sql`
  insert into completions (user_id, activity_id, completion_date, best_combined, best_score)
  select 1 + g % 200, (select id from activities limit 1),
    timestamptz '2026-01-01' + make_interval(mins => ${offset} + g), 100, 80
  from generate_series(1, ${rows}) g`;

type Case = {
  name: string;
  /** Runs with the triggers disabled, before the measured part (the rows an update changes). */
  prepare?: (h: DbHandle) => Promise<unknown>;
  run: (h: DbHandle) => Promise<unknown>;
};

const setTriggers = (h: DbHandle, on: boolean) =>
  h.db.execute(sql.raw(`alter table completions ${on ? "enable" : "disable"} trigger user`));
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median ms of a case with the triggers on and off, alternating, after one warm-up of each. */
async function measure(h: DbHandle, c: Case, rounds = 5): Promise<{ on: number; off: number }> {
  const ms = { on: [] as number[], off: [] as number[] };
  for (let round = 0; round <= rounds; round++) {
    for (const mode of ["on", "off"] as const) {
      await setTriggers(h, false);
      await h.db.execute(sql`delete from completions`);
      await h.db.execute(sql`delete from graphile_worker._private_jobs`);
      await c.prepare?.(h);
      await setTriggers(h, mode === "on");
      const t0 = performance.now();
      await c.run(h);
      if (round > 0) ms[mode].push(performance.now() - t0);
    }
  }
  await setTriggers(h, true);
  return { on: median(ms.on), off: median(ms.off) };
}

async function main() {
  const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
  const rows = Number(values.rows);
  const n = rows.toLocaleString("en-US");
  await withBenchDatabase("completion-triggers", async (h) => {
    await seed(h);
    const cases: Case[] = [
      { name: `one INSERT of ${n} rows`, run: (db) => db.db.execute(insertRows(rows, 0)) },
      {
        name: "1,000 single-row INSERTs in one transaction (as an inbound batch stores them)",
        run: (db) =>
          db.db.transaction(async (tx) => {
            for (let i = 0; i < 1_000; i++) await tx.execute(insertRows(1, i));
          }),
      },
      {
        name: `one UPDATE of the scores of ${n} rows`,
        prepare: (db) => db.db.execute(insertRows(rows, 0)),
        run: (db) => db.db.execute(sql`update completions set best_score = 90`),
      },
    ];
    for (const c of cases) {
      const { on, off } = await measure(h, c);
      console.log(`${c.name}: ${on.toFixed(0)} ms with the triggers, ${off.toFixed(0)} ms without`);
      console.log(`  ratio: ${(off / on).toFixed(2)} of the speed without them`);
    }
  });
}

runBench(main);
