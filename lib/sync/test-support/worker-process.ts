import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { ensureTestSecretKey } from "./fixture";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export type WorkerProcess = {
  pid: number;
  /** Settles when the process has exited: its code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /** Signals the whole process group, so nothing the worker started outlives it. */
  signal(signal: NodeJS.Signals): void;
  /** The last lines the worker printed, for failure messages. */
  output(): string;
};

const running = new Set<WorkerProcess>();

/** Starts `worker/index.ts` as `npm run start:worker` does, on `databaseUrl`, with short leases. */
export function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  ensureTestSecretKey();
  const args = ["--conditions=react-server", "--import", "tsx", "worker/index.ts"];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...(process.env.TMPDIR && { TMPDIR: process.env.TMPDIR }),
      DATABASE_URL: databaseUrl,
      APP_SECRET_KEY: process.env.APP_SECRET_KEY,
      SYNC_LEASE_MARGIN_MS: "500",
      LOG_LEVEL: "warn",
      APP_ENV: "test",
      NODE_ENV: "test",
      LMS_SYNC_PROCESS: "worker-under-test",
      ...env,
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  const pid = child.pid ?? 0;
  const worker: WorkerProcess = {
    pid,
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    signal: (signal) => {
      try {
        process.kill(-pid, signal);
      } catch {
        // the group is gone already
      }
    },
    output: () => output,
  };
  running.add(worker);
  void exited.then(() => running.delete(worker));
  return worker;
}

/** SIGKILLs every worker this test process started that still runs, and waits for each to go. */
export async function killAllWorkerProcesses(): Promise<void> {
  const all = [...running];
  for (const w of all) w.signal("SIGKILL");
  await Promise.all(all.map((w) => w.exited));
}

/** Polls `condition` every 100 ms until it holds; throws with `explain()` after `timeoutMs`. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  explain: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s: ${explain()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
