import type { Db } from "@/db/client";
import { claimScheduleFire, listActiveSchedules, listIntegrationsWithoutRun } from "@/db/queries/schedule";
import { latestFireBetween } from "@/lib/schedule/cron";
import { enqueueRetrySync, enqueueSync } from "./jobs";
import { refusalReason } from "./refuse-run";

/** How long the tick leaves an integration whose run was refused alone, while the reason holds. */
export const REFUSED_QUIET_MS = 60 * 60_000;

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
  const resumed: TickResult["resumed"] = [];
  for (const r of await listIntegrationsWithoutRun(db, now, REFUSED_QUIET_MS)) {
    // A run refused lately for a reason that still holds would only be refused again: it waits for a fix (which
    // changes the reason), the schedule, or the quiet time to pass (a fix outside the app: a key set again).
    if (r.recentRunError && (await refusalReason(db, r.id)) === r.recentRunError) continue;
    // The retry run sends what is due without starting new cycles for failed deliveries (the schedule's business).
    await enqueueRetrySync(db, r.id, now, "tick");
    resumed.push({ id: r.id, name: r.name });
  }
  return { active: schedules.length, enqueued, resumed };
}
