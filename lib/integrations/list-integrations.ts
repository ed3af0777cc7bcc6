import "server-only";
import type { DbOrTx } from "@/db/client";
import { type IntegrationStats, listIntegrationsWithStats } from "@/db/queries/integrations";
import type { IntegrationOutput } from "./schemas";
import { serializeIntegration } from "./serialize";

export type IntegrationListItem = IntegrationOutput & { stats: IntegrationStats };

/** Every integration as the list page shows it. */
export async function listIntegrations(db: DbOrTx): Promise<IntegrationListItem[]> {
  const rows = await listIntegrationsWithStats(db);
  return rows.map(({ integration, stats }) => ({ ...serializeIntegration(integration), stats }));
}
