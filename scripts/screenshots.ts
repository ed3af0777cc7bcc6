// npm run screenshots — PNGs of the main pages for the README at 1440×900 and, as `*-phone.png`, at 390×844, taken
// from a fresh demo stack in Chromium.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { createDb } from "@/db/client";
import { integrations } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { runSync } from "@/lib/sync/run-sync";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/support/chromium";
import { startThrowawayStack } from "./launcher/throwaway-stack";

const OUT = path.resolve(import.meta.dirname, "../docs/screenshots");

/** The two sizes: a laptop and a phone (below 768 px the header, the editor and the log take their phone form). */
const SIZES = [
  { suffix: "", viewport: { width: 1440, height: 900 }, maxHeight: 2400 },
  { suffix: "-phone", viewport: { width: 390, height: 844 }, maxHeight: 3200 },
];

/** On a phone the mapping editor is three tabs; on a laptop all three show, so there is nothing to open. */
async function openEditorTab(page: Page, name: "Keys" | "Preview"): Promise<void> {
  const tab = page.getByRole("tablist", { name: "Mapping editor" }).getByRole("tab", { name });
  if (await tab.isVisible()) await tab.click();
}

/** Each page to capture: a file name and how to get there once signed in as the demo admin. */
const SHOTS: { file: string; open: (page: Page, base: string, id: string) => Promise<void> }[] = [
  { file: "integrations.png", open: async (page, base) => void (await page.goto(`${base}/integrations`)) },
  {
    file: "settings.png",
    open: async (page, base, id) => void (await page.goto(`${base}/integrations/${id}`)),
  },
  {
    file: "mapping-editor.png",
    open: async (page, base, id) => {
      await page.goto(`${base}/integrations/${id}/mapping`);
      await page.getByRole("heading", { name: "Payload keys" }).waitFor({ state: "attached" });
      await openEditorTab(page, "Preview");
      await page.getByLabel("Find a learner").fill("anne@company");
      await page.getByRole("option", { name: /anne@company\.com/ }).click();
      await page.getByTestId("payload-json").waitFor();
      await openEditorTab(page, "Keys");
    },
  },
  {
    file: "test-results.png",
    open: async (page, base, id) => {
      await page.goto(`${base}/integrations/${id}/test`);
      await page.getByRole("button", { name: "Test connection" }).click();
      await page.getByTestId("connection-result").waitFor();
      await page.getByLabel("User names or e-mails").fill("anne");
      await page.getByLabel("Completions per learner").selectOption("1");
      await page.getByRole("button", { name: "Send test" }).click();
      await page.getByTestId("test-user-results").waitFor();
    },
  },
  {
    file: "sync-log.png",
    open: async (page, base, id) => void (await page.goto(`${base}/integrations/${id}/log`)),
  },
  { file: "demo-receiver.png", open: async (page, base) => void (await page.goto(`${base}/demo-receiver`)) },
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  const stack = await startThrowawayStack("screenshots");
  // A real sync first, so the list, the chart and the log have something to show.
  const handle = createDb(stack.databaseUrl, { max: 4 });
  const [demo] = await handle.db.select({ id: integrations.id }).from(integrations);
  const integrationId = demo!.id;
  await runSync(handle.db, integrationId, "manual");
  await handle.close();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: SIZES[0]!.viewport });
    const admin = DEMO_ACCOUNTS[0];
    await page.goto(`${stack.appUrl}/login`);
    await page.getByLabel("E-mail").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/integrations/);
    for (const size of SIZES) {
      await page.setViewportSize(size.viewport);
      for (const shot of SHOTS) {
        await shot.open(page, stack.appUrl, integrationId);
        await page.waitForLoadState("networkidle");
        const file = shot.file.replace(/\.png$/, `${size.suffix}.png`);
        // The whole page, but no taller than a few screens (a long list would make a file of megabytes).
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const isWhole = shot.file !== "integrations.png" || size.suffix !== "";
        await page.screenshot({
          path: path.join(OUT, file),
          fullPage: isWhole,
          clip: isWhole
            ? { x: 0, y: 0, width: size.viewport.width, height: Math.min(height, size.maxHeight) }
            : undefined,
        });
        console.log(`[screenshots] wrote docs/screenshots/${file}`);
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
