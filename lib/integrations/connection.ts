import "server-only";
import type { Integration } from "@/db/schema";
import type { ConnectionSettings } from "@/lib/delivery/types";
import { type DecryptedSecrets, decryptSecrets, splitSecretHeaders } from "./secrets";
import { outboundSigningKeys, withoutSigningSecrets } from "./signing";

export type ConnectionResult = { ok: true; settings: ConnectionSettings } | { ok: false; error: string };

/** What the delivery code needs from an integration row, secrets decrypted; `overrides` lets tests use unsaved secrets. */
export function connectionFromIntegration(
  row: Integration,
  overrides: DecryptedSecrets = {},
): ConnectionResult {
  const decrypted = decryptSecrets(row.secrets);
  if (!decrypted.ok) return { ok: false, error: decrypted.error };
  const all = decrypted.secrets as Record<string, string>;
  const { secrets, secretHeaders } = splitSecretHeaders(withoutSigningSecrets(all));
  return {
    ok: true,
    settings: {
      integrationId: row.id,
      version: row.updatedAt.toISOString(),
      endpointUrl: row.endpointUrl,
      testUrl: row.testUrl,
      authType: row.authType,
      auth: row.authConfig,
      secrets: { ...secrets, ...overrides },
      caBundlePem: row.caBundlePem,
      successCodes: row.successCodes,
      timeoutMs: row.timeoutMs,
      customHeaders: row.customHeaders,
      secretHeaders,
      // Read once per run (or test), with the clock of now: a run that outlasts an overlap keeps its keys.
      signingKeys: outboundSigningKeys(row.secrets, all, new Date()),
    },
  };
}
