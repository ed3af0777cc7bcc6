import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../db/test/free-port";
import { type Stack, startStack } from "./stack";

/** The whole app (no worker) on free ports and a temporary folder, for scripts that drive it; `stop` removes it. */
export async function startThrowawayStack(label: string): Promise<Stack & { stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `lms-sync-${label}-`));
  const stack = await startStack({
    dataDir,
    port: await freePort(),
    pgPort: await freePort(),
    withWorker: false,
    log: (m) => console.log(`[${label}] ${m}`),
    extraEnv: { LOG_LEVEL: "warn" },
  });
  return {
    ...stack,
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
