import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isProcessAlive } from "@/db/process";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export type ChildExit = { code: number | null; signal: NodeJS.Signals | null };
export type Child = {
  name: string;
  process: ChildProcess;
  exited: Promise<ChildExit>;
  /** The last lines it wrote, to say why it stopped. */
  lastLines: () => string[];
};

const KEEP_LINES = 15;

/** "exit code 1" or "signal SIGKILL". */
export function describeExit(exit: ChildExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

/** Starts a child with its output prefixed by its name. */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  // Its own process group, so stopping it also stops anything it forked (next start may fork its server).
  const child = spawn(command, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    detached: true,
  });
  const prefix = `[${name}] `;
  const tail: string[] = [];
  const relay = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      stream.write(`${prefix}${line}\n`);
      tail.push(line);
      if (tail.length > KEEP_LINES) tail.shift();
    }
  };
  child.stdout?.on("data", relay(process.stdout));
  child.stderr?.on("data", relay(process.stderr));
  const exited = new Promise<ChildExit>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { name, process: child, exited, lastLines: () => [...tail] };
}

/** SIGTERM, then SIGKILL after `graceMs` if it has not exited. */
export async function stopChild(child: Child, graceMs = 6_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  signalGroup(child.process.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.process.pid, "SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
}

type RunFile = { launcherPid: number; children: number[] };

/**
 * The launcher records its children's PIDs; if it was killed with SIGKILL they outlive it, holding the port.
 * The next start finds them here and stops them (only if they still look like our processes).
 */
export function recoverStaleChildren(dataDir: string, log: (m: string) => void): void {
  const file = path.join(dataDir, "run.json");
  if (!existsSync(file)) return;
  const run = JSON.parse(readFileSync(file, "utf8")) as RunFile;
  if (isProcessAlive(run.launcherPid) && run.launcherPid !== process.pid) {
    throw new Error(
      `LMS Sync is already running from this folder (launcher pid ${run.launcherPid}); stop it first`,
    );
  }
  for (const pid of run.children) {
    if (isProcessAlive(pid) && looksLikeOurs(pid)) {
      log(`stopping process ${pid} left running by an earlier start`);
      signalGroup(pid, "SIGKILL");
    }
  }
  rmSync(file, { force: true });
}

export function writeRunFile(dataDir: string, children: Child[]): void {
  const run: RunFile = {
    launcherPid: process.pid,
    children: children.map((c) => c.process.pid ?? 0).filter(Boolean),
  };
  writeFileSync(path.join(dataDir, "run.json"), JSON.stringify(run));
}

export function removeRunFile(dataDir: string): void {
  rmSync(path.join(dataDir, "run.json"), { force: true });
}

export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

function looksLikeOurs(pid: number): boolean {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmd.includes("next") || cmd.includes("worker/index.ts");
  } catch {
    return false;
  }
}
