import type { Db } from "@/db/client";
import { getTestPki } from "@/lib/delivery/test-support/pki";
import { createIntegration } from "@/lib/integrations/create-integration";
import { type CreateIntegrationInput, createIntegrationSchema } from "@/lib/integrations/schemas";
import { ensureTestSecretKey, RECEIVER_API_KEY } from "./fixture";

let created = 0;

/**
 * Another active API-key integration (a name of its own) pointed at `endpointUrl`, sending every completion of the
 * last year: tests that share one database's LMS data each start from an integration that has sent nothing.
 */
export async function addReceiverIntegration(
  db: Db,
  endpointUrl: string,
  settings: Partial<CreateIntegrationInput> = {},
): Promise<string> {
  ensureTestSecretKey();
  const input = createIntegrationSchema.parse({
    name: `Receiver ${++created}`,
    endpointUrl,
    authType: "api_key",
    authConfig: { headerName: "X-API-Key" },
    secrets: { apiKey: RECEIVER_API_KEY },
    caBundlePem: getTestPki().ca.certPem,
    sendFrom: new Date(Date.now() - 365 * 86_400_000).toISOString(),
    timeoutMs: 5_000,
    ...settings,
  });
  return (await createIntegration(db, input, null)).id;
}
