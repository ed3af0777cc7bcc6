import "server-only";
import type { DbOrTx } from "@/db/client";
import { type IntegrationStats, listIntegrationsWithStats } from "@/db/queries/integrations";
import { countLogOutcomesByDay } from "@/db/queries/stats";
import { buildDailySeries, type DailyPoint, seriesStart } from "./daily-series";
import type { IntegrationOutput } from "./schemas";
import { serializeIntegration } from "./serialize";

/** How many days the list page's chart covers. */
export const CHART_DAYS = 30;

export type IntegrationListItem = IntegrationOutput & { stats: IntegrationStats & { daily: DailyPoint[] } };

/** Every integration as the list page shows it, with its delivery counts and 30 days of log outcomes per UTC day. */
export async function listIntegrations(db: DbOrTx, now: Date = new Date()): Promise<IntegrationListItem[]> {
  const [rows, counts] = await Promise.all([
    listIntegrationsWithStats(db),
    countLogOutcomesByDay(db, seriesStart(CHART_DAYS, now)),
  ]);
  const byIntegration = new Map<string, typeof counts>();
  for (const c of counts)
    byIntegration.set(c.integrationId, [...(byIntegration.get(c.integrationId) ?? []), c]);
  return rows.map(({ integration, stats }) => ({
    ...serializeIntegration(integration),
    stats: { ...stats, daily: buildDailySeries(byIntegration.get(integration.id) ?? [], CHART_DAYS, now) },
  }));
}
