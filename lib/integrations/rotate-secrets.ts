import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findIntegrationForUpdate } from "@/db/queries/integrations";
import { integrations, type StoredSecret } from "@/db/schema";
import { ciphertextKeyId, decryptSecret, encryptSecret, type Keyring } from "@/lib/crypto";

export type RotationResult = {
  integrations: number;
  secrets: number;
  failures: { integrationId: string; secret: string; error: string }[];
};

/**
 * Re-encrypts every stored secret under the key ring's current key. Each integration is rewritten in its own short
 * transaction with the row locked, so it can run while the app and workers keep using the previous key.
 */
export async function rotateSecrets(db: Db, keyring: Keyring): Promise<RotationResult> {
  const ids = await db.select({ id: integrations.id }).from(integrations);
  const result: RotationResult = { integrations: 0, secrets: 0, failures: [] };
  for (const { id } of ids) {
    await db.transaction(async (tx) => {
      const row = await findIntegrationForUpdate(tx, id);
      if (!row) return;
      let changed = 0;
      const next: Record<string, StoredSecret> = {};
      for (const [name, stored] of Object.entries(row.secrets)) {
        next[name] = stored;
        if (ciphertextKeyId(stored.ciphertext) === keyring.current.id) continue;
        const plain = decryptSecret(stored.ciphertext, keyring);
        if (!plain.ok) {
          result.failures.push({ integrationId: id, secret: name, error: plain.error });
          continue;
        }
        next[name] = { ...stored, ciphertext: encryptSecret(plain.value, keyring) };
        changed += 1;
      }
      if (changed === 0) return;
      await tx.update(integrations).set({ secrets: next }).where(eq(integrations.id, id));
      result.integrations += 1;
      result.secrets += changed;
    });
  }
  return result;
}
