// npm run token:create -- --email someone@example.com [--name "CI export"] — make an API token, printed once.
import { parseArgs } from "node:util";
import { createDb } from "@/db/client";
import { createApiToken } from "@/lib/auth/api-tokens";
import { resolveDatabaseUrl } from "./launcher/local-database";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string", default: "script" } },
});
if (!values.email) {
  console.error("Usage: npm run token:create -- --email someone@example.com [--name label]");
  process.exit(2);
}
const db = await resolveDatabaseUrl();
const handle = createDb(db.url, { max: 1 });
try {
  const result = await createApiToken(handle.db, values.email, values.name);
  if (!result.ok) {
    console.error(`Could not create a token: ${result.error}`);
    process.exitCode = 1;
  } else {
    console.log(
      `API token for ${result.userEmail} (shown once; only its hash is stored):\n\n  ${result.token}\n`,
    );
    console.log(
      `Use it as: curl -H "Authorization: Bearer ${result.token}" ${process.env.APP_URL ?? "http://localhost:3000"}/api/integrations`,
    );
  }
} finally {
  await handle.close();
  await db.stop();
}
