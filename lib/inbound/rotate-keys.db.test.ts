import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInboundSource } from "@/db/queries/inbound-sources";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { getKeyring } from "@/lib/crypto";
import { resetSettingsCache } from "@/lib/settings";
import { reencryptSigningSecrets } from "./rotate-keys";
import { signingKeys } from "./secrets";
import { createInboundSource } from "./sources";

let t: TestDatabase;
const saved = { key: process.env.APP_SECRET_KEY, previous: process.env.APP_SECRET_KEYS_PREVIOUS };
function useKeys(current: string, previous = "") {
  process.env.APP_SECRET_KEY = current;
  process.env.APP_SECRET_KEYS_PREVIOUS = previous;
  resetSettingsCache();
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  process.env.APP_SECRET_KEY = saved.key;
  process.env.APP_SECRET_KEYS_PREVIOUS = saved.previous;
  resetSettingsCache();
  await t.drop();
});

describe("signing secrets at rest", () => {
  it("are stored encrypted, and npm run secrets:rotate keeps them working under the new key alone", async () => {
    const oldKey = randomBytes(32).toString("base64");
    const newKey = randomBytes(32).toString("base64");
    useKeys(oldKey);
    const { row, signingSecret } = await createInboundSource(
      t.db,
      { name: "HR", kinds: ["users"], createMissing: false },
      null,
    );
    const [raw] = await t.sql<
      { secrets: string }[]
    >`select secrets::text from inbound_sources where id = ${row.id}`;
    expect(raw!.secrets).not.toContain(signingSecret.slice(6));

    useKeys(newKey, oldKey);
    expect(await reencryptSigningSecrets(t.db, getKeyring())).toEqual({
      sources: 1,
      secrets: 1,
      failures: [],
    });
    useKeys(newKey);
    const stored = (await findInboundSource(t.db, row.id))!.secrets;
    expect(signingKeys(stored, new Date()).map((k) => k.secret)).toEqual([signingSecret]);
  });
});
