import type { Integration } from "@/db/schema";
import { describeSchedule } from "@/lib/schedule/describe";
import { type IntegrationOutput, integrationOutputSchema } from "./schemas";

/** The API shape of an integration: secrets reduced to "set, changed at", passed through the output schema. */
export function serializeIntegration(row: Integration): IntegrationOutput {
  const secrets = Object.fromEntries(
    Object.entries(row.secrets).map(([name, s]) => [name, { set: true as const, changedAt: s.changedAt }]),
  );
  return integrationOutputSchema.parse({
    ...row,
    secrets,
    scheduleText: describeSchedule(row.scheduleCron, row.scheduleTimeZone),
    version: row.settingsVersion,
  });
}
