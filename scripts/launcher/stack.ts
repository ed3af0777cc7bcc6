import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoIfEmpty } from "@/lib/demo/seed";
import { isBuildStale, runBuild } from "./build";
import {
  type Child,
  ROOT,
  recoverStaleChildren,
  removeRunFile,
  startChild,
  stopChild,
  writeRunFile,
} from "./children";
import { loadOrCreateSecrets } from "./secrets-file";

export type StackOptions = {
  dataDir: string;
  port: number;
  pgPort: number;
  databaseUrl?: string;
  withWorker: boolean;
  log: (message: string) => void;
  extraEnv?: Record<string, string>;
};

export type Stack = {
  appUrl: string;
  databaseUrl: string;
  /** The embedded PostgreSQL's pid (null with DATABASE_URL), to notice when it dies. */
  databasePid: number | null;
  env: NodeJS.ProcessEnv;
  seeded: boolean;
  children: Child[];
  stop: () => Promise<void>;
};

/** The whole system for a laptop or a browser test: database (embedded unless given), migrations, demo data, build, web and worker. */
export async function startStack(o: StackOptions): Promise<Stack> {
  const dataDir = path.resolve(o.dataDir);
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when we are root and must reach .data/pg
  recoverStaleChildren(dataDir, o.log);

  const secrets = loadOrCreateSecrets(dataDir);
  const appUrl = process.env.APP_URL ?? `http://localhost:${o.port}`;
  let stopDb = async () => {};
  let databaseUrl = o.databaseUrl;
  let databasePid: number | null = null;
  if (!databaseUrl) {
    const t0 = Date.now();
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pg"),
      port: o.pgPort,
      onLog: (l) => process.env.LMS_SYNC_PG_LOG && o.log(l),
    });
    databaseUrl = pg.url;
    databasePid = pg.pid;
    stopDb = pg.stop;
    o.log(
      `embedded PostgreSQL ready on port ${o.pgPort} (${Date.now() - t0} ms, data in ${path.relative(ROOT, dataDir) || dataDir}/pg)`,
    );
  }
  const stopAll = async (children: Child[]) => {
    await Promise.all(children.map((c) => stopChild(c)));
    removeRunFile(dataDir);
    await stopDb();
  };

  try {
    await migrateDatabase(databaseUrl);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      APP_ENV: process.env.APP_ENV ?? "demo",
      LMS_SYNC_DEMO: "1",
      DATABASE_URL: databaseUrl,
      PORT: String(o.port),
      APP_URL: appUrl,
      NEXTAUTH_URL: appUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      APP_SECRET_KEY: process.env.APP_SECRET_KEY ?? secrets.APP_SECRET_KEY,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
      DEMO_RECEIVER_API_KEY: process.env.DEMO_RECEIVER_API_KEY ?? secrets.DEMO_RECEIVER_API_KEY,
      ...o.extraEnv,
    };
    // Seeding encrypts with the same key the children use.
    Object.assign(process.env, { APP_SECRET_KEY: env.APP_SECRET_KEY, APP_ENV: env.APP_ENV });
    const handle = createDb(databaseUrl, { max: 2 });
    const seed = await seedDemoIfEmpty(handle.db, {
      appUrl,
      demoApiKey: env.DEMO_RECEIVER_API_KEY!,
      isProduction: false,
    });
    await handle.close();
    if (seed.seeded) {
      const c = seed.counts;
      o.log(
        `demo data: ${c.organisations} organisations, ${c.users} learners, ${c.activities} courses, ${c.completions} completions`,
      );
      o.log(
        `demo inbound source (shown this once; rotate on the Inbound page for a new secret): npm run inbound:send -- --url ${seed.inbound.url} --secret ${seed.inbound.signingSecret} --file <body.json>`,
      );
    }

    // Tests that start a second stack beside a running one must not rebuild the .next it serves from.
    if (process.env.LMS_SYNC_NO_BUILD !== "1" && isBuildStale()) {
      o.log("building the web app (first start, or the sources changed)…");
      await runBuild({ ...env, NODE_ENV: "production", LMS_SYNC_SKIP_BUILD_TYPECHECK: "1" });
    }
    const children = [
      // The demo prints its passwords: it listens on this machine only unless HOST says otherwise. Like the
      // worker, the server exits by itself when the launcher is gone (exit-with-launcher.mjs).
      startChild(
        "web",
        process.execPath,
        [
          path.join(ROOT, "node_modules/next/dist/bin/next"),
          "start",
          "-p",
          String(o.port),
          "-H",
          process.env.HOST ?? "127.0.0.1",
        ],
        {
          ...env,
          LMS_SYNC_PROCESS: "web",
          LMS_SYNC_LAUNCHER_PID: String(process.pid),
          NODE_OPTIONS:
            `${env.NODE_OPTIONS ?? ""} --import=${path.join(ROOT, "scripts/launcher/exit-with-launcher.mjs")}`.trim(),
        },
      ),
    ];
    if (o.withWorker) {
      children.push(
        startChild(
          "worker",
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", "worker/index.ts"],
          { ...env, LMS_SYNC_PROCESS: "worker", LMS_SYNC_LAUNCHER_PID: String(process.pid) },
        ),
      );
    }
    writeRunFile(dataDir, children);
    await waitForHealth(`http://127.0.0.1:${o.port}/api/health`, children[0]!);
    return {
      appUrl,
      databaseUrl,
      databasePid,
      env,
      seeded: seed.seeded,
      children,
      stop: () => stopAll(children),
    };
  } catch (error) {
    await stopDb();
    throw error;
  }
}

async function waitForHealth(url: string, web: Child, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (web.process.exitCode !== null)
      throw new Error(`the web server exited with code ${web.process.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the web server did not answer ${url} within ${timeoutMs / 1000} s`);
}
