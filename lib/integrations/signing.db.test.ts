import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findIntegration } from "@/db/queries/integrations";
import { getKeyring } from "@/lib/crypto";
import { keyRotationBed } from "@/lib/crypto/test-support/key-rotation-bed";
import { connectionFromIntegration } from "./connection";
import { createIntegration } from "./create-integration";
import { rotateSecrets } from "./rotate-secrets";
import { createIntegrationSchema } from "./schemas";
import { changeSigning } from "./signing";

const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");
const bed = keyRotationBed();
const { useKeys } = bed;

describe("signing secrets at rest", () => {
  it("are re-encrypted by secrets:rotate with the rest and keep signing, overlap and all", async () => {
    useKeys(oldKey);
    const row = await createIntegration(
      bed.db,
      createIntegrationSchema.parse({
        name: "Signed HR",
        endpointUrl: "https://hr.example.com/in",
        authType: "bearer",
        secrets: { token: "bearer-token-value-0001" },
      }),
      null,
    );
    const first = await changeSigning(bed.db, row.id, "enable", null);
    const second = await changeSigning(bed.db, row.id, "rotate", null, { overlapHours: 12 });
    if (!first.ok || !second.ok) throw new Error("signing did not change");
    const [raw] = await bed.sql<
      { s: string }[]
    >`select secrets::text as s from integrations where id = ${row.id}`;
    for (const s of [first.signingSecret!, second.signingSecret!]) expect(raw!.s).not.toContain(s.slice(6));

    useKeys(newKey, oldKey);
    expect(await rotateSecrets(bed.db, getKeyring())).toEqual({ integrations: 1, secrets: 3, failures: [] });
    useKeys(newKey);
    const conn = connectionFromIntegration((await findIntegration(bed.db, row.id))!);
    if (!conn.ok) throw new Error(conn.error);
    expect(conn.settings.signingKeys?.map((k) => k.secret)).toEqual([
      second.signingSecret,
      first.signingSecret,
    ]);
    expect(conn.settings.signingKeys?.[0]?.validUntilMs).toBeNull();
    expect(conn.settings.signingKeys?.[1]?.validUntilMs).toBe(
      Date.parse(second.signing.secrets[1]!.validUntil!),
    );
    // The signing secrets never mix with the credentials the auth code reads.
    expect(Object.keys(conn.settings.secrets)).toEqual(["token"]);
  });
});
