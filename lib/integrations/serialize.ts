import type { Integration } from "@/db/schema";
import { describeSchedule } from "@/lib/schedule/describe";
import { SECRET_HEADER_PREFIX } from "./field-schemas";
import { type IntegrationOutput, integrationOutputSchema } from "./schemas";
import { withoutSigningSecrets } from "./signing-schemas";

/** The API shape of an integration: secrets reduced to "set, changed at", passed through the output schema. */
export function serializeIntegration(row: Integration): IntegrationOutput {
  const secrets: Record<string, { set: true; changedAt: string }> = {};
  const secretHeaders: Record<string, { set: true; changedAt: string }> = {};
  for (const [key, s] of Object.entries(withoutSigningSecrets(row.secrets))) {
    const mark = { set: true as const, changedAt: s.changedAt };
    if (key.startsWith(SECRET_HEADER_PREFIX)) secretHeaders[key.slice(SECRET_HEADER_PREFIX.length)] = mark;
    else secrets[key] = mark;
  }
  return integrationOutputSchema.parse({
    ...row,
    secrets,
    secretHeaders,
    scheduleText: describeSchedule(row.scheduleCron, row.scheduleTimeZone),
    version: row.settingsVersion,
  });
}
