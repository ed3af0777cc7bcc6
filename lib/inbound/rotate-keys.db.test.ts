import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findInboundSource } from "@/db/queries/inbound-sources";
import { getKeyring } from "@/lib/crypto";
import { keyRotationBed } from "@/lib/crypto/test-support/key-rotation-bed";
import { reencryptSigningSecrets } from "./rotate-keys";
import { signingKeys } from "./secrets";
import { createInboundSource } from "./sources";

const bed = keyRotationBed();
const { useKeys } = bed;

describe("signing secrets at rest", () => {
  it("are stored encrypted, and npm run secrets:rotate keeps them working under the new key alone", async () => {
    const oldKey = randomBytes(32).toString("base64");
    const newKey = randomBytes(32).toString("base64");
    useKeys(oldKey);
    const { row, signingSecret } = await createInboundSource(
      bed.db,
      { name: "HR", kinds: ["users"], createMissing: false },
      null,
    );
    const [raw] = await bed.sql<
      { secrets: string }[]
    >`select secrets::text from inbound_sources where id = ${row.id}`;
    expect(raw!.secrets).not.toContain(signingSecret.slice(6));

    useKeys(newKey, oldKey);
    expect(await reencryptSigningSecrets(bed.db, getKeyring())).toEqual({
      sources: 1,
      secrets: 1,
      failures: [],
    });
    useKeys(newKey);
    const stored = (await findInboundSource(bed.db, row.id))!.secrets;
    expect(signingKeys(stored, new Date()).map((k) => k.secret)).toEqual([signingSecret]);
  });
});
