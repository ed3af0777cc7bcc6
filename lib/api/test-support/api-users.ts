import { insertAppUser } from "@/db/queries/app-users";
import type { TestDatabase } from "@/db/test/database";
import { createApiToken } from "@/lib/auth/api-tokens";

/** An admin and a viewer in the test database, each with an API token for calling routes. */
export async function createApiUsers(t: TestDatabase): Promise<{ adminToken: string; viewerToken: string }> {
  for (const [email, role] of [
    ["admin@t.local", "admin"],
    ["viewer@t.local", "viewer"],
  ] as const) {
    await insertAppUser(t.db, { email, name: email, role, passwordHash: "x" });
  }
  const a = await createApiToken(t.db, "admin@t.local");
  const v = await createApiToken(t.db, "viewer@t.local");
  if (!a.ok || !v.ok) throw new Error("could not create API tokens");
  return { adminToken: a.token, viewerToken: v.token };
}
