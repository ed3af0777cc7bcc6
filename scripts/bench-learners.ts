// npm run bench:learners [-- --users 100000 --completions 1000000]
// Learner search (the preview's picker, Test with user) on a large LMS, on an embedded PostgreSQL of its own. The
// baseline, measured in the same run: the straightforward search this one replaced, which ranks every matching
// learner by their latest completion (one lateral count per match) and matches with three ILIKEs.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { DbHandle } from "../db/client";
import { searchLearners } from "../db/queries/learners";
import { medianMs, runBench, withBenchDatabase } from "./bench/database";

// From the picker opening (empty) to a full e-mail address, and queries matching many, few and none.
const QUERIES = ["", "anna", "example.com", "user4242", "person12345@example.com", "surname12", "zzz"];

/** The straightforward search, as it was before migration 0002 and the two-step search. */
function naiveSearch(h: DbHandle, q: string, limit: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return h.db.execute(sql`
    select u.user_name, u.email, u.first_name, u.last_name, o.name as organisation,
      coalesce(c.n, 0) as completion_count, c.last_at as last_completion_at
    from users u
    left join organisations o on o.id = u.organisation_id
    left join lateral (
      select count(*) as n, max(completion_date) as last_at from completions where user_id = u.id
    ) c on true
    where ${q} = '' or u.user_name ilike ${pattern} or u.email ilike ${pattern}
      or (u.first_name || ' ' || u.last_name) ilike ${pattern}
    order by (lower(u.user_name) = lower(${q}) or lower(u.email) = lower(${q})) desc,
      c.last_at desc nulls last, u.user_name
    limit ${limit}`);
}

async function seed(h: DbHandle, users: number, completionCount: number) {
  await h.db.execute(sql`insert into organisations (name) select 'Org ' || g from generate_series(1, 50) g`);
  await h.db.execute(sql`insert into activities (name) select 'Course ' || g from generate_series(1, 200) g`);
  await h.db.execute(sql`
    insert into users (user_name, email, first_name, last_name, organisation_id)
    select 'user' || g, 'person' || g || '@example.com', (array['Anna','Jonas','Maria','Peter','Sofie','Lars'])[1 + g % 6],
      'Surname' || (g % 997), 1 + g % 50
    from generate_series(1, ${users}) g`);
  await h.db.execute(sql`
    insert into completions (user_id, activity_id, completion_date, best_combined, best_score, recorded_at)
    select 1 + (g::bigint * 7919) % ${users}, 1 + g % 200, now() - make_interval(mins => g % 500000, secs => g / 500000),
      100, g % 101, now() - make_interval(mins => g % 500000)
    from generate_series(1, ${completionCount}) g`);
  await h.db.execute(sql`analyze`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "100000" },
      completions: { type: "string", default: "1000000" },
    },
  });
  await withBenchDatabase("learners", async (h) => {
    const t0 = performance.now();
    await seed(h, Number(values.users), Number(values.completions));
    console.log(
      `${Number(values.users).toLocaleString("en-US")} learners, ${Number(values.completions).toLocaleString("en-US")} completions (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    await h.db.execute(sql`vacuum analyze`); // settle the new tables before timing anything
    console.log("query".padEnd(28), "search".padStart(10), "baseline".padStart(12), "ratio".padStart(8));
    for (const q of QUERIES) {
      const ms = await medianMs(() => searchLearners(h.db, q, 10));
      const base = await medianMs(() => naiveSearch(h, q, 10));
      console.log(
        JSON.stringify(q).padEnd(28),
        `${ms.toFixed(1)} ms`.padStart(10),
        `${base.toFixed(1)} ms`.padStart(12),
        `${(base / ms).toFixed(1)}×`.padStart(8),
      );
    }
  });
}

runBench(main);
