import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

export type LogDayCount = {
  integrationId: string;
  /** The calendar day in the requested time zone, YYYY-MM-DD. */
  day: string;
  outcome: "success" | "failure";
  count: number;
};

export type DayWindow = {
  /** How many calendar days, today included. */
  days: number;
  /** What "today" is. */
  now: Date;
  /** IANA name; days start at midnight there. */
  timeZone: string;
};

/**
 * Finished log rows per integration, local day and outcome over the last `days` days (the list page's 30-day
 * chart); an interrupted attempt counts as a failure. (Attempts still in flight are counted once they end.)
 */
export async function countLogOutcomesByDay(
  db: DbOrTx,
  window: DayWindow,
  integrationIds?: readonly string[],
): Promise<LogDayCount[]> {
  if (integrationIds?.length === 0) return [];
  const { days, now, timeZone } = window;
  const only = integrationIds
    ? sql`and integration_id = any(${`{${integrationIds.join(",")}}`}::uuid[])`
    : sql``;
  // Midnight of the oldest day, there: PostgreSQL's own time zone rules place it across clock changes. The counts
  // are kept per quarter hour as the log is written (see syncLogCounts).
  const rows = await db.execute<LogDayCount>(sql`
    with z as (select ${timeZone}::text as tz)
    select integration_id as "integrationId", to_char(bucket at time zone z.tz, 'YYYY-MM-DD') as day,
      case when outcome = 'success' then 'success' else 'failure' end as outcome, sum(count)::int as count
    from sync_log_counts, z
    where bucket >= (date_trunc('day', ${now.toISOString()}::timestamptz at time zone z.tz)
      - make_interval(days => ${days - 1})) at time zone z.tz
      ${only}
    group by 1, 2, 3`);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
