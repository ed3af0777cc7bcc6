// npm run user -- --email someone@example.com (--role viewer|admin | --disable | --delete) — change an account;
// its open sessions end and its API tokens are revoked at once.
import { parseArgs } from "node:util";
import { createDb } from "@/db/client";
import { ROLES } from "@/lib/auth/model";
import { changeUser, type UserChange } from "@/lib/auth/users";
import { resolveDatabaseUrl } from "./launcher/local-database";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    disable: { type: "boolean", default: false },
    delete: { type: "boolean", default: false },
  },
});
const role = ROLES.find((r) => r === values.role);
const change: UserChange | null = role
  ? { kind: "role", role }
  : values.disable
    ? { kind: "disable" }
    : values.delete
      ? { kind: "delete" }
      : null;
// One change at a time: "--role viewer --delete" would otherwise do one of them without a word about the other.
const asked = [values.role !== undefined, values.disable, values.delete].filter(Boolean).length;
if (!values.email || !change || asked !== 1) {
  console.error(
    "Usage: npm run user -- --email someone@example.com (--role viewer|admin | --disable | --delete)",
  );
  process.exit(2);
}
const db = await resolveDatabaseUrl();
const handle = createDb(db.url, { max: 1 });
try {
  const result = await changeUser(handle.db, values.email, change, null);
  if (!result.ok) {
    console.error(`Could not change the account: ${result.error}`);
    process.exitCode = 1;
  } else {
    console.log(
      `Done: ${values.email} ${change.kind}; ${result.sessionsEnded} session(s) ended, API tokens revoked.`,
    );
  }
} finally {
  await handle.close();
  await db.stop();
}
