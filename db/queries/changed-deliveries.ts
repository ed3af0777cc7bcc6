import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

/**
 * Resend on update, one statement: every delivery of a completion recorded since `since` whose revision is newer
 * than the one the delivery carries takes the new revision (and with it a new Idempotency-Key). One already sent
 * (`succeeded`) is due again at `now` in a new cycle; one not yet sent sends the new revision on its next attempt;
 * a skipped one stays skipped (a person chose that). Only changed completions are read (a change records them anew
 * and bumps their revision past 1). Returns how many sent deliveries are sent again.
 */
export async function resendChangedDeliveries(
  db: DbOrTx,
  integrationId: string,
  since: Date,
  now: Date,
): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`
    with changed as (
      select d.id, c.revision, d.state = 'succeeded' as is_sent
      from completions c
      join deliveries d on d.integration_id = ${integrationId}::uuid and d.completion_id = c.id
      where c.recorded_at >= ${since.toISOString()}::timestamptz and c.revision > 1
        and d.revision < c.revision and d.state <> 'skipped'
      for update of d
    ), updated as (
      update deliveries d set
        revision = changed.revision,
        state = case when changed.is_sent then 'pending' else d.state end,
        cycle_attempts = case when changed.is_sent then 0 else d.cycle_attempts end,
        next_attempt_at = case when changed.is_sent then ${now.toISOString()}::timestamptz else d.next_attempt_at end,
        updated_at = now()
      from changed where d.id = changed.id
      returning changed.is_sent
    ) select count(*) filter (where is_sent)::int as n from updated`);
  return Number(rows[0]?.n ?? 0);
}
