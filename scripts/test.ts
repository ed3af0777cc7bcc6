// npm test — lint and format check, type check, every vitest test, every Playwright test; ends with "N passed, N failed".
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, ".test-results");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

function run(
  title: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<number> {
  console.log(`\n━━ ${title} ━━`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(1));
  });
}

type Counts = { passed: number; failed: number; found: boolean };

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0, found: false };
  const r = JSON.parse(readFileSync(file, "utf8"));
  // A test file that fails to load has no tests but is a failure all the same.
  const brokenFiles = (r.testResults ?? []).filter(
    (f: { status: string; assertionResults: unknown[] }) =>
      f.status === "failed" && f.assertionResults.length === 0,
  ).length;
  return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + brokenFiles, found: true };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0, found: false };
  const r = JSON.parse(readFileSync(file, "utf8"));
  const s = r.stats ?? {};
  const setupFailed = (r.errors ?? []).length > 0 && (s.expected ?? 0) + (s.unexpected ?? 0) === 0 ? 1 : 0;
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + setupFailed,
    found: true,
  };
}

/** Names of the failed vitest tests (and test files that did not load), as `file › test`. */
function vitestFailures(file: string): string[] {
  if (!existsSync(file)) return [];
  const r = JSON.parse(readFileSync(file, "utf8"));
  type Assertion = { status: string; fullName: string; failureMessages?: string[] };
  type FileResult = { name: string; status: string; message?: string; assertionResults: Assertion[] };
  return (r.testResults ?? []).flatMap((f: FileResult) => {
    const name = path.relative(ROOT, f.name);
    if (f.status === "failed" && f.assertionResults.length === 0)
      return [`${name} did not load: ${(f.message ?? "").split("\n", 1)[0] ?? ""}`];
    return f.assertionResults
      .filter((a) => a.status === "failed")
      .map(
        (a) => `${name} › ${a.fullName}: ${(a.failureMessages?.[0] ?? "").split("\n", 1)[0]?.slice(0, 200)}`,
      );
  });
}

/** Titles of the failed Playwright tests, as `file › test`. */
function playwrightFailures(file: string): string[] {
  if (!existsSync(file)) return [];
  type Spec = { title: string; file: string; ok: boolean };
  type Suite = { specs?: Spec[]; suites?: Suite[] };
  const walk = (s: Suite): string[] => [
    ...(s.specs ?? []).filter((t) => !t.ok).map((t) => `${t.file} › ${t.title}`),
    ...(s.suites ?? []).flatMap(walk),
  ];
  const r = JSON.parse(readFileSync(file, "utf8"));
  return (r.suites ?? []).flatMap(walk);
}

// Every process the suite starts inherits this mark, so the end can tell which ones are still running.
const RUN_MARK = `LMS_SYNC_TEST_RUN=${randomUUID()}`;
process.env.LMS_SYNC_TEST_RUN = RUN_MARK.split("=")[1];

/** Processes carrying this run's mark (other than this one), as `pid command`. */
function markedProcesses(): { pid: number; command: string }[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)
    .flatMap((d) => {
      try {
        if (!readFileSync(`/proc/${d}/environ`, "utf8").split("\0").includes(RUN_MARK)) return [];
        const command = readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0").join(" ").trim();
        return [{ pid: Number(d), command }];
      } catch {
        return []; // gone meanwhile, or not ours to read
      }
    });
}

/** Processes the suite started that outlived it (after a few seconds' grace); each is reported and killed. */
async function leftBehind(): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  let left = markedProcesses();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    left = markedProcesses();
  }
  for (const p of left) {
    try {
      process.kill(p.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  return left.map((p) => `${p.pid} ${p.command.slice(0, 160)}`);
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const problems: string[] = [];

  if ((await run("lint and format (Biome)", bin("biome"), ["check", "."])) !== 0)
    problems.push("Biome found lint or format problems (npm run format fixes formatting)");
  if ((await run("type check (tsc)", bin("tsc"), ["--noEmit"])) !== 0)
    problems.push("TypeScript found type errors");

  const vitestJson = path.join(OUT, "vitest.json");
  await run("unit, database and network tests (vitest)", bin("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${vitestJson}`,
  ]);
  const pwJson = path.join(OUT, "playwright.json");
  await run("browser tests (Playwright, Chromium)", bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim(),
  });

  const left = existsSync("/proc") ? await leftBehind() : [];
  if (left.length > 0) {
    problems.push(`${left.length} process(es) the tests started were still running (now killed):`);
    problems.push(...left.map((l) => `  ${l}`));
  }

  const v = vitestCounts(vitestJson);
  const p = playwrightCounts(pwJson);
  if (!v.found) problems.push("vitest wrote no results");
  if (!p.found) problems.push("Playwright wrote no results");
  const passed = v.passed + p.passed;
  const failed = v.failed + p.failed + (v.found ? 0 : 1) + (p.found ? 0 : 1) + (left.length > 0 ? 1 : 0);
  console.log(
    `\nvitest: ${v.passed} passed, ${v.failed} failed · Playwright: ${p.passed} passed, ${p.failed} failed`,
  );
  // The names of what failed come last, so a log that keeps only its end still says what to look at.
  for (const failure of [...vitestFailures(vitestJson), ...playwrightFailures(pwJson)])
    console.log(`✗ failed: ${failure}`);
  for (const problem of problems) console.log(`✗ ${problem}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
}

void main();
