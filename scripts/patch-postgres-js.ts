// postinstall: fixes postgres.js 3.4.9's write scheduler so a PostgreSQL restart neither crashes the process nor
// stalls a pooled connection. Upstream: porsager/postgres#1154, #1208 (fix proposed in #1209), not released yet.
// 1. A small write waits for setImmediate; if the socket closed meanwhile, `socket.write` on null throws from the
//    immediate: an uncaught exception that ends the worker (or web) process mid-run.
// 2. A connection that drops while it reads the array types rejects a promise nobody awaits: an unhandled
//    rejection, which also ends the process. The waiting query gets the error instead (and is retried by the app).
// 3. closed()/terminate() cancel that immediate but leave `nextWriteTimer` set and the bytes buffered, so the
//    reconnected socket never flushes (every query on it waits for connect_timeout, 30 s) or sends stale bytes.
// Idempotent; when the code no longer looks as expected (a fixed release) it says so and changes nothing.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const MARK = "lms-sync patch";
const FILES = ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"].map((f) =>
  path.join(ROOT, "node_modules/postgres", f),
);

const GUARD_FROM = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
const GUARD_TO = `  function nextWrite(fn) {
    if (!socket) { // ${MARK}: closed while this write waited; fail its queries instead of throwing
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;
const TYPES_FROM = "        return fetchArrayTypes()\n";
const TYPES_TO = `        return fetchArrayTypes().catch(errored) // ${MARK}: the waiting query gets the error\n`;
const RESET_FROM = "\n    clearImmediate(nextWriteTimer)\n";
const RESET_TO = `\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null // ${MARK}: the next socket starts clean\n`;

let patched = 0;
for (const file of FILES) {
  if (!existsSync(file)) continue;
  const source = readFileSync(file, "utf8");
  if (source.includes(MARK)) continue;
  const resets = source.split(RESET_FROM).length - 1;
  if (!source.includes(GUARD_FROM) || !source.includes(TYPES_FROM) || resets !== 2) {
    console.warn(
      `patch-postgres-js: ${path.relative(ROOT, file)} is not the expected 3.4.9 code; left as it is`,
    );
    continue;
  }
  writeFileSync(
    file,
    source.replace(GUARD_FROM, GUARD_TO).replace(TYPES_FROM, TYPES_TO).replaceAll(RESET_FROM, RESET_TO),
  );
  patched += 1;
}
if (patched > 0) console.log(`patch-postgres-js: patched ${patched} file(s)`);
