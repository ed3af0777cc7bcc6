import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findIntegration } from "@/db/queries/integrations";
import { ciphertextKeyId, getKeyring, makeKeyring } from "@/lib/crypto";
import { keyRotationBed } from "@/lib/crypto/test-support/key-rotation-bed";
import { connectionFromIntegration } from "./connection";
import { createIntegration } from "./create-integration";
import { rotateSecrets } from "./rotate-secrets";
import { createIntegrationSchema } from "./schemas";

const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");
const bed = keyRotationBed();
const { useKeys } = bed;

describe("secrets at rest", () => {
  it("stores ciphertext only, and rotation keeps every secret readable under the new key alone", async () => {
    useKeys(oldKey);
    const row = await createIntegration(
      bed.db,
      createIntegrationSchema.parse({
        name: "Basic HR",
        endpointUrl: "https://hr.example.com/in",
        authType: "basic",
        authConfig: { username: "lms" },
        secrets: { password: "correct horse battery staple" },
      }),
      null,
    );
    const [raw] = await bed.sql<
      { secrets: string }[]
    >`select secrets::text from integrations where id = ${row.id}`;
    expect(raw?.secrets).not.toContain("correct horse");
    expect(ciphertextKeyId(row.secrets.password!.ciphertext)).toBe(makeKeyring(oldKey).current.id);

    useKeys(newKey, oldKey);
    const result = await rotateSecrets(bed.db, getKeyring());
    expect(result).toEqual({ integrations: 1, secrets: 1, failures: [] });
    expect(await rotateSecrets(bed.db, getKeyring())).toEqual({ integrations: 0, secrets: 0, failures: [] });

    useKeys(newKey);
    const rotated = await findIntegration(bed.db, row.id);
    expect(ciphertextKeyId(rotated!.secrets.password!.ciphertext)).toBe(makeKeyring(newKey).current.id);
    expect(rotated!.secrets.password!.changedAt).toBe(row.secrets.password!.changedAt);
    const conn = connectionFromIntegration(rotated!);
    expect(conn.ok && conn.settings.secrets.password).toBe("correct horse battery staple");
  });

  it("reports secrets it cannot read instead of dropping them", async () => {
    useKeys(randomBytes(32).toString("base64"));
    const result = await rotateSecrets(bed.db, getKeyring());
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.error).toMatch(/not in APP_SECRET_KEY/);
  });
});
