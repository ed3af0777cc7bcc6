import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import { isProcessAlive } from "./process";
import { freePort } from "./test/free-port";

const root = mkdtempSync(path.join(os.tmpdir(), "lms-sync-embedded-"));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Starts the embedded database in a separate Node process, as `npm start` does, and reports its URL. */
function startInChild(dataDir: string, port: number): Promise<{ pid: number; url: string }> {
  const script = `
    import { startEmbeddedPostgres } from "./db/embedded.ts";
    const pg = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
    console.log("READY " + pg.url);
    setInterval(() => {}, 1000);`;
  // One process (not the tsx CLI, which runs the script in a second one), so SIGKILL leaves nothing behind.
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: process.cwd(),
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ pid: child.pid!, url: m[1]! });
    });
    child.on("exit", (code) => reject(new Error(`child exited with ${code}: ${out}`)));
  });
}

describe("embedded PostgreSQL", () => {
  it("recovers when the process that started it was killed with SIGKILL", async () => {
    const dataDir = path.join(root, "pg");
    const port = await freePort();
    const first = await startInChild(dataDir, port);
    const sql = postgres(first.url, { max: 1, onnotice: () => {} });
    await sql`create table survivor (note text)`;
    await sql`insert into survivor values ('written before the kill')`;
    await sql.end();

    process.kill(first.pid, "SIGKILL");
    const orphan = Number.parseInt(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8"), 10);
    expect(isProcessAlive(orphan)).toBe(true); // PostgreSQL outlives the killed parent, holding postmaster.pid

    const again = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(isProcessAlive(orphan)).toBe(false);
      const sql2 = postgres(again.url, { max: 1, onnotice: () => {} });
      expect(await sql2`select note from survivor`).toEqual([{ note: "written before the kill" }]);
      await sql2.end();
    } finally {
      await again.stop();
    }
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  }, 120_000);
});
