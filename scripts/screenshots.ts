// npm run screenshots — PNGs of the main pages for the README, taken from a fresh demo stack in Chromium.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { freePort } from "@/db/test/free-port";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { startStack } from "./launcher/stack";

const OUT = path.resolve(import.meta.dirname, "../docs/screenshots");
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Each page to capture: a file name and how to get there once signed in as the demo admin. */
const SHOTS: { file: string; open: (page: Page, baseUrl: string) => Promise<void> }[] = [
  { file: "integrations.png", open: async (page, base) => void (await page.goto(`${base}/integrations`)) },
  { file: "demo-receiver.png", open: async (page, base) => void (await page.goto(`${base}/demo-receiver`)) },
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lms-sync-shots-"));
  const port = await freePort();
  const stack = await startStack({
    dataDir,
    port,
    pgPort: await freePort(),
    withWorker: false,
    log: (m) => console.log(`[screenshots] ${m}`),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    const admin = DEMO_ACCOUNTS[0];
    await page.goto(`${stack.appUrl}/login`);
    await page.getByLabel("E-mail").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/integrations/);
    for (const shot of SHOTS) {
      await shot.open(page, stack.appUrl);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: path.join(OUT, shot.file) });
      console.log(`[screenshots] wrote docs/screenshots/${shot.file}`);
    }
  } finally {
    await browser.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
