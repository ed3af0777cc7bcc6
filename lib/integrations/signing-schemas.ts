// Outbound signing as the API and the settings page show it: whether requests are signed and the secrets' dates,
// never a secret. Client-safe: zod only.

import { z } from "zod";
import { inboundSourceSchema } from "../inbound/source-schemas";

export { type RotateSecretInput, rotateSecretSchema } from "../inbound/source-schemas";

/** Where an outbound signing secret is kept among the integration's encrypted secrets: `signing:<created at>`. */
export const SIGNING_KEY_PREFIX = "signing:";

export const isSigningKey = (name: string) => name.startsWith(SIGNING_KEY_PREFIX);

/** The secrets without the signing ones (what the settings API shows and the auth code reads). */
export function withoutSigningSecrets<T>(secrets: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(secrets).filter(([name]) => !isSigningKey(name)));
}

export const signingStatusSchema = z.object({
  enabled: z
    .boolean()
    .describe(
      "Whether every request (sync runs, Test connection, Test with user) carries a Standard Webhooks signature",
    ),
  // The same dates an inbound source shows of its secrets.
  secrets: z
    .array(inboundSourceSchema.shape.secrets.element)
    .describe("The secrets that sign now, newest first; each request carries one signature per secret"),
});
export type SigningStatus = z.output<typeof signingStatusSchema>;

export const signingReplySchema = z.object({ signing: signingStatusSchema.describe("The signing state") });

/** The reply that carries a new signing secret: the only time it is shown. */
export const signingSecretReplySchema = signingReplySchema.extend({
  signingSecret: z
    .string()
    .describe(
      "The new secret (whsec_…), shown only now: give it to the receiver, which verifies with any Standard Webhooks library",
    ),
});
