import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findInboundSourceForUpdate } from "@/db/queries/inbound-sources";
import { inboundSources } from "@/db/schema";
import { ciphertextKeyId, decryptSecret, encryptSecret, type Keyring } from "@/lib/crypto";

export type SourceKeyRotation = {
  sources: number;
  secrets: number;
  failures: { sourceId: string; error: string }[];
};

/**
 * Re-encrypts every inbound signing secret under the key ring's current key (npm run secrets:rotate), one source
 * per short transaction with its row locked, so requests keep verifying meanwhile.
 */
export async function reencryptSigningSecrets(db: Db, keyring: Keyring): Promise<SourceKeyRotation> {
  const ids = await db.select({ id: inboundSources.id }).from(inboundSources);
  const result: SourceKeyRotation = { sources: 0, secrets: 0, failures: [] };
  for (const { id } of ids) {
    await db.transaction(async (tx) => {
      const row = await findInboundSourceForUpdate(tx, id);
      if (!row) return;
      let changed = 0;
      const secrets = row.secrets.map((stored) => {
        if (ciphertextKeyId(stored.ciphertext) === keyring.current.id) return stored;
        const plain = decryptSecret(stored.ciphertext, keyring);
        if (!plain.ok) {
          result.failures.push({ sourceId: id, error: plain.error });
          return stored;
        }
        changed += 1;
        return { ...stored, ciphertext: encryptSecret(plain.value, keyring) };
      });
      if (changed === 0) return;
      await tx.update(inboundSources).set({ secrets }).where(eq(inboundSources.id, id));
      result.sources += 1;
      result.secrets += changed;
    });
  }
  return result;
}
