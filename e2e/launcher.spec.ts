import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { isProcessAlive } from "../db/process";
import { freePort } from "../db/test/free-port";

// `npm start` itself, on its own data folder and ports, using the build the global setup made.
test.describe.configure({ mode: "serial", timeout: 180_000 });

type Launcher = {
  process: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  web: number;
  worker: number;
  postgres: number;
  dataDir: string;
};

async function startLauncher(): Promise<Launcher> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lms-sync-launcher-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_PG_PORT: String(await freePort()),
    // The build the e2e server runs from is used as it is, never rebuilt under it.
    LMS_SYNC_NO_BUILD: "1",
  };
  for (const name of ["DATABASE_URL", "APP_URL", "NEXTAUTH_URL", "HOST"]) delete env[name];
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
    {
      cwd: path.resolve(import.meta.dirname, ".."),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout!.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr!.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  await expect.poll(() => out, { timeout: 150_000 }).toContain("LMS Sync is running at");
  const run = JSON.parse(readFileSync(path.join(dataDir, "run.json"), "utf8")) as { children: number[] };
  const postgres = Number.parseInt(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8"), 10);
  return {
    process: child,
    output: () => out,
    exited,
    web: run.children[0]!,
    worker: run.children[1]!,
    postgres,
    dataDir,
  };
}

/** Waits until none of the pids is alive, up to `ms`; returns the ones still alive. */
async function goneWithin(pids: number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && pids.some(isProcessAlive)) await new Promise((r) => setTimeout(r, 200));
  return pids.filter(isProcessAlive);
}

function cleanUp(l: Launcher) {
  for (const pid of [l.web, l.worker, l.postgres]) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone, as it should be
    }
  }
  rmSync(l.dataDir, { recursive: true, force: true });
}

test("[launcher] when the worker dies, npm start names it, stops the rest and exits non-zero", async () => {
  const l = await startLauncher();
  try {
    process.kill(l.worker, "SIGKILL");
    const exit = await Promise.race([l.exited, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
    expect(exit, l.output()).not.toBeNull();
    expect(exit!.code).toBe(1);
    expect(l.output()).toContain("the worker stopped unexpectedly (signal SIGKILL)");
    expect(await goneWithin([l.web, l.postgres], 5_000)).toEqual([]);
  } finally {
    cleanUp(l);
  }
});

test("[launcher] Ctrl-C stops the web server, the worker and PostgreSQL within 10 s", async () => {
  const l = await startLauncher();
  try {
    l.process.kill("SIGINT");
    const exit = await Promise.race([l.exited, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
    expect(exit, l.output()).toEqual({ code: 0, signal: null });
    expect(await goneWithin([l.web, l.worker, l.postgres], 1_000)).toEqual([]);
  } finally {
    cleanUp(l);
  }
});

test("[launcher] when the launcher is killed with SIGKILL, the web server and the worker stop within 10 s", async () => {
  const l = await startLauncher();
  try {
    l.process.kill("SIGKILL");
    expect(await goneWithin([l.web, l.worker], 10_000)).toEqual([]);
  } finally {
    cleanUp(l);
  }
});
