import "server-only";
import type { Db } from "@/db/client";
import { findAppUserByEmail } from "@/db/queries/app-users";
import { isEmptyDatabase, seedDemo } from "@/db/seed/demo";
import type { LmsSeedCounts } from "@/db/seed/lms-data";
import { hashPassword } from "@/lib/auth/password";
import { createInboundSource } from "@/lib/inbound/sources";
import { createIntegration } from "@/lib/integrations/create-integration";
import { createIntegrationSchema } from "@/lib/integrations/schemas";
import { DEMO_ACCOUNTS } from "./accounts";
import { DEMO_RECEIVER_SCHEMA } from "./receiver-schema";

export type DemoSeedResult =
  | { seeded: false }
  | {
      seeded: true;
      counts: LmsSeedCounts;
      /** The demo's inbound source: where to send and its signing secret, printed once at the first start. */
      inbound: { url: string; signingSecret: string };
    };

/** Seeds the demo into an empty database; refuses in production and leaves a used database alone. */
export async function seedDemoIfEmpty(
  db: Db,
  opts: { appUrl: string; demoApiKey: string; isProduction: boolean },
): Promise<DemoSeedResult> {
  if (opts.isProduction) throw new Error("Demo data is never seeded in production");
  if (!(await isEmptyDatabase(db))) return { seeded: false };
  const counts = await seedDemo(db, {
    accounts: DEMO_ACCOUNTS,
    hashPassword,
    createDemoIntegration: async (tx, adminId) => {
      const admin = await findAppUserByEmail(tx, DEMO_ACCOUNTS[0].email);
      const input = createIntegrationSchema.parse({
        name: "Demo HR system",
        endpointUrl: `${opts.appUrl}/api/demo-receiver`,
        authType: "api_key",
        authConfig: { headerName: "X-API-Key" },
        secrets: { apiKey: opts.demoApiKey },
        scheduleCron: "*/5 * * * *",
        scheduleTimeZone: "UTC",
        notificationEmails: [],
        receiverSchema: DEMO_RECEIVER_SCHEMA,
        validateBeforeSending: true,
        sendFrom: new Date(Date.now() - 91 * 86_400_000).toISOString(),
      });
      await createIntegration(
        tx,
        input,
        admin ? { id: adminId, email: admin.email, name: admin.name, role: "admin", via: "session" } : null,
      );
    },
  });
  // One door in, so the demo can be sent users and completions at once (npm run inbound:send).
  const source = await createInboundSource(
    db,
    { name: "Demo HR feed", kinds: ["users", "completions"], createMissing: true },
    null,
  );
  const url = `${opts.appUrl}/api/inbound/${source.row.id}`;
  return { seeded: true, counts, inbound: { url, signingSecret: source.signingSecret } };
}
