// npm run start:web — the web process alone against DATABASE_URL (production): migrate, then `next start`.
import { spawn } from "node:child_process";
import path from "node:path";
import { migrateDatabase } from "@/db/migrate";
import { getSettings, productionStartProblem } from "@/lib/settings";

const settings = getSettings();
if (!settings.DATABASE_URL) {
  console.error(
    "Set DATABASE_URL (and APP_SECRET_KEY, NEXTAUTH_SECRET, NEXTAUTH_URL) to run the web process alone",
  );
  process.exit(2);
}
for (const name of ["APP_SECRET_KEY", "NEXTAUTH_SECRET"] as const) {
  if (!process.env[name]) {
    console.error(`Set ${name}: see .env.example`);
    process.exit(2);
  }
}
const problem = productionStartProblem(process.env);
if (problem) {
  console.error(`Refusing to start: ${problem}`);
  process.exit(2);
}
await migrateDatabase(settings.DATABASE_URL);
const next = spawn(
  path.resolve(import.meta.dirname, "../node_modules/.bin/next"),
  ["start", "-p", String(settings.PORT), ...(settings.HOST ? ["-H", settings.HOST] : [])],
  {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LMS_SYNC_PROCESS: "web" },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
