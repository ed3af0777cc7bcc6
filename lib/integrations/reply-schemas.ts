// The integrations routes' replies, built from the integration's output schema. Client-safe: zod only.

import { z } from "zod";
import { mappingIssueSchema } from "../mapping/output-schemas";
import { certificateDetailsSchema } from "./certificate-schemas";
import type { OtherChange } from "./conflict";
import { integrationOutputSchema } from "./schemas";

export const integrationReplySchema = z.object({
  integration: integrationOutputSchema.describe("The integration"),
});

const count = (what: string) => z.number().int().describe(what);

export const integrationListItemSchema = integrationOutputSchema.extend({
  stats: z
    .object({
      pending: count("Deliveries waiting to be sent or retried"),
      failed: count("Deliveries whose retries ran out (each scheduled run tries them again)"),
      succeeded: count("Deliveries the receiver accepted"),
      daily: z
        .array(
          z.object({
            day: z.string().describe("The calendar day in the requested time zone, YYYY-MM-DD"),
            success: count("Successful attempts that day"),
            failure: count("Failed attempts that day"),
          }),
        )
        .describe("The last 30 days, oldest first"),
    })
    .describe("Delivery counts, and the sync log's outcomes per day"),
});
export type IntegrationListItem = z.output<typeof integrationListItemSchema>;

export const integrationListSchema = z.object({
  integrations: z.array(integrationListItemSchema).describe("Every integration, newest first"),
});

export const mappingSavedSchema = integrationReplySchema.extend({
  warnings: z.array(mappingIssueSchema).describe("Problems worth a look that did not stop the save"),
});

export const certificateReplySchema = z.object({
  certificate: certificateDetailsSchema.describe("The certificate's public details"),
});

/** A PATCH's 409: the version now, and every save made since the version the change was made from. */
export const settingsConflictSchema = z
  .object({
    currentVersion: z
      .number()
      .int()
      .describe("The settings version now; load it, then send your change again"),
    changes: z
      .array(
        z.object({
          by: z.string().describe("Who saved"),
          at: z.string().describe("When (ISO 8601)"),
          fields: z.array(z.string()).describe("The settings they changed (secrets as secrets.<name>)"),
        }) satisfies z.ZodType<OtherChange>,
      )
      .describe("The saves made since, oldest first"),
  })
  .describe("What changed since the version the PATCH was made from");
