import "server-only";
import type { DbOrTx } from "@/db/client";
import { listIntegrationsWithStats } from "@/db/queries/integrations";
import { countLogOutcomesByDay } from "@/db/queries/stats";
import { buildDailySeries } from "./daily-series";
import type { IntegrationListItem } from "./reply-schemas";
import { serializeIntegration } from "./serialize";

/** How many days the list page's chart covers. */
export const CHART_DAYS = 30;

/**
 * Every integration as the list page shows it, with its delivery counts and 30 days of log outcomes per day, the
 * days as the viewer's calendar has them (`timeZone`, an IANA name).
 */
export async function listIntegrations(
  db: DbOrTx,
  timeZone = "UTC",
  now: Date = new Date(),
): Promise<IntegrationListItem[]> {
  const [rows, counts] = await Promise.all([
    listIntegrationsWithStats(db),
    countLogOutcomesByDay(db, { days: CHART_DAYS, now, timeZone }),
  ]);
  const byIntegration = new Map<string, typeof counts>();
  for (const c of counts)
    byIntegration.set(c.integrationId, [...(byIntegration.get(c.integrationId) ?? []), c]);
  return rows.map(({ integration, stats }) => ({
    ...serializeIntegration(integration),
    stats: {
      ...stats,
      daily: buildDailySeries(byIntegration.get(integration.id) ?? [], CHART_DAYS, now, timeZone),
    },
  }));
}
