// CPU time of the processes in a benchmark (Linux /proc), so a figure can be read as a budget: on a machine with
// N cores, the processes of one delivery together cannot spend more than N seconds of CPU per second.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

type Snapshot = Map<number, number>;

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** True where /proc can be read (Linux); elsewhere the budget is not printed. */
export const canMeasureCpu = existsSync("/proc/self/stat");

function readStat(pid: number): { ppid: number; cpuMs: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    return { ppid: Number(fields[1]), cpuMs: (ticks * 1000) / ticksPerSecond };
  } catch {
    return null;
  }
}

/** The PostgreSQL server of a data folder and every backend it has forked so far. */
export function postgresPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const children = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => readStat(pid)?.ppid === postmaster);
  return [postmaster, ...children];
}

function snapshot(pids: number[]): Snapshot {
  const out: Snapshot = new Map();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat) out.set(pid, stat.cpuMs);
  }
  return out;
}

/**
 * CPU milliseconds each group of processes spent while `work` ran. Groups are functions so processes started
 * during the work (new database backends) are counted too, from zero.
 */
export async function measureCpu<T>(
  groups: Record<string, () => number[]>,
  work: () => Promise<T>,
): Promise<{ result: T; cpuMs: Record<string, number>; cores: number }> {
  const before = snapshot(Object.values(groups).flatMap((g) => g()));
  const result = await work();
  const cpuMs: Record<string, number> = {};
  for (const [name, pids] of Object.entries(groups)) {
    const after = snapshot(pids());
    cpuMs[name] = [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
  }
  return { result, cpuMs, cores: os.availableParallelism() };
}

/** "worker 98 µs + postgres 97 µs + receiver 61 µs = 256 µs" for `count` units of work. */
export function perUnit(cpuMs: Record<string, number>, count: number): { text: string; totalUs: number } {
  const parts = Object.entries(cpuMs).map(([name, ms]) => ({ name, us: (ms * 1000) / count }));
  const totalUs = parts.reduce((sum, p) => sum + p.us, 0);
  const text = `${parts.map((p) => `${p.name} ${Math.round(p.us)} µs`).join(" + ")} = ${Math.round(totalUs)} µs`;
  return { text, totalUs };
}
