import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Runs after the global setup's `next build`. Strings that survive minification and only come from server code.
const SERVER_MARKERS: { what: string; pattern: RegExp }[] = [
  { what: "drizzle-orm", pattern: /Symbol\.for\("drizzle:|"drizzle-orm"|PgForeignKeyBuilder|pgTable/ },
  {
    what: "postgres (postgres.js)",
    pattern: /MAX_PARAMETERS_EXCEEDED|CONNECTION_DESTROYED|SAVEPOINT_NOT_POSSIBLE/,
  },
  { what: "pg (node-postgres)", pattern: /pg-protocol|PGSSLMODE|pg-connection-string/ },
  {
    what: "a Node built-in",
    pattern: /["'`]node:(fs|net|tls|crypto|child_process|os|dns|http|https|stream|worker_threads)["'`]/,
  },
];

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return jsFiles(p);
    return p.endsWith(".js") ? [p] : [];
  });
}

test("[bundle] the browser's JavaScript holds no database driver, drizzle-orm or Node built-in", () => {
  const dir = path.resolve(import.meta.dirname, "../.next/static");
  const files = jsFiles(dir);
  expect(files.length).toBeGreaterThan(5);
  const hits = files.flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return SERVER_MARKERS.filter((m) => m.pattern.test(text)).map(
      (m) => `${path.relative(dir, file)}: ${m.what}`,
    );
  });
  expect(hits).toEqual([]);
});
