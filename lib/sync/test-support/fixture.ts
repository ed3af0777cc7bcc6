import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { insertAppUser } from "@/db/queries/app-users";
import { seedLmsData } from "@/db/seed/lms-data";
import type { Actor } from "@/lib/auth/roles";
import { getTestPki } from "@/lib/delivery/test-support/pki";
import { createIntegration } from "@/lib/integrations/create-integration";
import { type CreateIntegrationInput, createIntegrationSchema } from "@/lib/integrations/schemas";
import { resetSettingsCache } from "@/lib/settings";

/** Gives the test process an encryption key (as `npm start` would) so integration secrets can be stored. */
export function ensureTestSecretKey(): void {
  process.env.APP_SECRET_KEY ??= randomBytes(32).toString("base64");
  resetSettingsCache();
}

export const RECEIVER_API_KEY = "test-receiver-key-0123456789";

/**
 * LMS data with `completions` completions, and one active API-key integration pointed at `endpointUrl`
 * (an HTTPS test receiver trusted through the test CA), from the standard mapping.
 */
export async function seedSyncFixture(
  db: Db,
  opts: {
    endpointUrl: string;
    completions: number;
    users?: number;
    integration?: Partial<CreateIntegrationInput>;
  },
): Promise<{ integrationId: string }> {
  ensureTestSecretKey();
  await seedLmsData(db, new Date(), {
    users: opts.users ?? Math.min(200, opts.completions),
    completions: opts.completions,
  });
  const { integrationId } = await addTestIntegration(db, {
    endpointUrl: opts.endpointUrl,
    sendFrom: new Date(Date.now() - 365 * 86_400_000),
    ...opts.integration,
  });
  return { integrationId };
}

/**
 * One active API-key integration pointed at `endpointUrl` (an HTTPS test receiver trusted through the test CA), from
 * the standard mapping; it sends what is recorded from now on unless `sendFrom` says otherwise.
 */
export async function addTestIntegration(
  db: Db,
  settings: { endpointUrl: string } & Partial<CreateIntegrationInput>,
): Promise<{ integrationId: string; row: Awaited<ReturnType<typeof createIntegration>> }> {
  ensureTestSecretKey();
  const input = createIntegrationSchema.parse({
    name: "Test receiver",
    authType: "api_key",
    authConfig: { headerName: "X-API-Key" },
    secrets: { apiKey: RECEIVER_API_KEY },
    caBundlePem: getTestPki().ca.certPem,
    timeoutMs: 5_000,
    ...settings,
  });
  const row = await createIntegration(db, input, null);
  return { integrationId: row.id, row };
}

/** An admin who acts on integrations in tests (enable, delivery actions), as a signed-in session. */
export async function insertAdmin(db: Db): Promise<Actor> {
  const u = await insertAppUser(db, {
    email: "admin@test.local",
    name: "Admin",
    role: "admin",
    passwordHash: "x",
  });
  return { id: u.id, email: u.email, name: u.name, role: "admin", via: "session" };
}
