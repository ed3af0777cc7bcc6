import type { Db } from "@/db/client";
import { claimScheduleFire, listActiveSchedules, listIntegrationsWithoutRun } from "@/db/queries/schedule";
import { latestFireBetween } from "@/lib/schedule/cron";
import { enqueueRetrySync, enqueueSync } from "./jobs";

export type TickResult = {
  active: number;
  enqueued: { id: string; name: string; firedAt: Date }[];
  /** Integrations with due deliveries that no job was going to send: a run is enqueued for each. */
  resumed: { id: string; name: string }[];
};

/**
 * The minute tick: for every active integration whose schedule fired since it was last acted on, enqueue one
 * sync (however many fires were missed while nothing ran, one run catches up on all of them). Then, whatever
 * became of the jobs that should have sent them (a job given up, a worker gone), deliveries that are due get a
 * run: nothing due waits for the next scheduled run.
 */
export async function runTick(db: Db, now = new Date()): Promise<TickResult> {
  const schedules = await listActiveSchedules(db);
  const enqueued: TickResult["enqueued"] = [];
  for (const s of schedules) {
    const since = s.lastScheduledAt ?? s.createdAt;
    const latest = latestFireBetween(s.scheduleCron, s.scheduleTimeZone, since, now);
    if (!latest) continue;
    const claimed = await db.transaction(async (tx) => {
      if (!(await claimScheduleFire(tx, s.id, s.lastScheduledAt, latest))) return false;
      await enqueueSync(tx, s.id, "schedule");
      return true;
    });
    if (claimed) enqueued.push({ id: s.id, name: s.name, firedAt: latest });
  }
  const resumed = [...(await listIntegrationsWithoutRun(db, now))];
  // The retry run sends what is due without starting new cycles for failed deliveries (the schedule's business).
  for (const r of resumed) await enqueueRetrySync(db, r.id, now, "tick");
  return { active: schedules.length, enqueued, resumed };
}
