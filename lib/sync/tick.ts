import type { Db } from "@/db/client";
import { claimScheduleFire, listActiveSchedules } from "@/db/queries/schedule";
import { latestFireBetween } from "@/lib/schedule/cron";
import { enqueueSync } from "./jobs";

export type TickResult = { active: number; enqueued: { id: string; name: string; firedAt: Date }[] };

/**
 * The minute tick: for every active integration whose schedule fired since it was last acted on, enqueue one
 * sync (however many fires were missed while nothing ran, one run catches up on all of them).
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
  return { active: schedules.length, enqueued };
}
