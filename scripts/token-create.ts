// npm run token:create -- --email someone@example.com [--name "CI export"] [--scope api] [--scope inbound] — make an
// API token, printed once. Without --scope it calls the API (`api`); `--scope inbound` makes one that may only send
// data to POST /api/inbound/:sourceId.
import { parseArgs } from "node:util";
import { createDb } from "@/db/client";
import { createApiToken } from "@/lib/auth/api-tokens";
import { API_TOKEN_SCOPES, type ApiTokenScope } from "@/lib/auth/model";
import { resolveDatabaseUrl } from "./launcher/local-database";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string", default: "script" },
    scope: { type: "string", multiple: true, default: ["api"] },
  },
});
const scopes = values.scope.filter((s): s is ApiTokenScope =>
  (API_TOKEN_SCOPES as readonly string[]).includes(s),
);
if (!values.email || scopes.length !== values.scope.length) {
  console.error(
    `Usage: npm run token:create -- --email someone@example.com [--name label] [--scope ${API_TOKEN_SCOPES.join("|")}]…`,
  );
  process.exit(2);
}
const db = await resolveDatabaseUrl();
const handle = createDb(db.url, { max: 1 });
try {
  const result = await createApiToken(handle.db, values.email, values.name, scopes);
  if (!result.ok) {
    console.error(`Could not create a token: ${result.error}`);
    process.exitCode = 1;
  } else {
    const appUrl = process.env.APP_URL ?? "http://localhost:3000";
    console.log(
      `API token for ${result.userEmail}, scopes ${scopes.join(", ")} (shown once; only its hash is stored):\n\n  ${result.token}\n`,
    );
    if (scopes.includes("api"))
      console.log(`Use it as: curl -H "Authorization: Bearer ${result.token}" ${appUrl}/api/integrations`);
    if (scopes.includes("inbound"))
      console.log(
        `Send data as: curl -X POST -H "Authorization: Bearer ${result.token}" -H "Content-Type: application/json" --data @users.json ${appUrl}/api/inbound/<source id>`,
      );
  }
} finally {
  await handle.close();
  await db.stop();
}
