import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "@/db/client";
import { compactDeliveryCounts } from "@/db/queries/delivery-counts";
import { runTick } from "@/lib/sync/tick";
import { log } from "../logger";

export const payloadSchema = z.object({}).passthrough();

let ticks = 0;

/** Every minute (graphile-worker cron): enqueue the syncs whose schedule fired; log a health line. */
export const syncTick: Task = async (payload) => {
  const parsed = payloadSchema.safeParse(payload ?? {});
  if (!parsed.success) {
    log("warn", `sync-tick: ignoring bad payload ${JSON.stringify(payload)}`);
    return;
  }
  const result = await runTick(getDb());
  // The delivery counts the integrations list sums stay a few rows per integration.
  await compactDeliveryCounts(getDb());
  ticks += 1;
  const names = result.enqueued.map((e) => e.name).join(", ");
  const resumed = result.resumed.map((r) => r.name).join(", ");
  const mem = Math.round(process.memoryUsage().rss / 1024 / 1024);
  log(
    "info",
    `tick #${ticks}: ${result.active} active integration(s), ${result.enqueued.length} sync(s) enqueued${names ? ` (${names})` : ""}${resumed ? `, due deliveries with no run resumed (${resumed})` : ""}; healthy, rss ${mem} MB`,
  );
};
