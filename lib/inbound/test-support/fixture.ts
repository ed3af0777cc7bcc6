import { POST as createSource } from "@/app/api/inbound-sources/route";
import { createTestDatabase, type TestDatabase } from "@/db/test/database";
import { createApiUsers } from "@/lib/api/test-support/api-users";
import { callRoute } from "@/lib/api/test-support/call-route";
import { ensureTestSecretKey } from "@/lib/sync/test-support/fixture";
import type { InboundKind } from "../model";

export type InboundFixture = { t: TestDatabase; adminToken: string; viewerToken: string };

/** A test database with an admin and a viewer (API tokens for the admin routes) and a secret key for secrets. */
export async function createInboundFixture(): Promise<InboundFixture> {
  const t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ensureTestSecretKey();
  const { adminToken, viewerToken } = await createApiUsers(t);
  return { t, adminToken, viewerToken };
}

/** A source made through the API as an admin would; its id and the signing secret shown once. */
export async function createTestSource(
  adminToken: string,
  opts: { name?: string; kinds?: InboundKind[]; createMissing?: boolean } = {},
): Promise<{ id: string; secret: string; reply: { status: number; text: string } }> {
  const reply = await callRoute(createSource, {
    token: adminToken,
    body: { name: opts.name ?? "HR master data", kinds: opts.kinds ?? ["users", "completions"], ...opts },
  });
  if (reply.status !== 201) throw new Error(`could not create a source: ${reply.text}`);
  return { id: reply.body.source.id, secret: reply.body.signingSecret, reply };
}
