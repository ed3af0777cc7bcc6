// npm run measure:client-js — bytes of JavaScript a cold load of the main pages fetches (production build, Chromium)
import { type BrowserContext, chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/support/chromium";
import { DEMO_ACCOUNTS } from "../lib/demo/accounts";
import { startThrowawayStack } from "./launcher/throwaway-stack";

const PAGES = [
  { name: "integrations list", path: () => "/integrations" },
  { name: "settings", path: (id: string) => `/integrations/${id}` },
  { name: "mapping", path: (id: string) => `/integrations/${id}/mapping` },
];

/** Loads one page in a context with an empty cache and sums the (decoded) bytes of every script it fetched. */
async function scriptBytes(context: BrowserContext, url: string): Promise<{ bytes: number; files: number }> {
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    sizes.push(
      response
        .body()
        .then((b) => b.length)
        .catch(() => 0),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const all = await Promise.all(sizes);
  await page.close();
  return { bytes: all.reduce((a, b) => a + b, 0), files: all.length };
}

async function main() {
  const stack = await startThrowawayStack("js");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const login = await browser.newContext({ baseURL: stack.appUrl });
    const page = await login.newPage();
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(DEMO_ACCOUNTS[0].email);
    await page.getByLabel("Password").fill(DEMO_ACCOUNTS[0].password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("signed-in-user").waitFor();
    const state = await login.storageState();
    const list = await page.request.get("/api/integrations");
    const id = ((await list.json()) as { integrations: { id: string }[] }).integrations[0]!.id;
    await login.close();
    console.log("\npage                 JS bytes (decoded)   files");
    for (const p of PAGES) {
      const context = await browser.newContext({ baseURL: stack.appUrl, storageState: state });
      const { bytes, files } = await scriptBytes(context, p.path(id));
      await context.close();
      console.log(`${p.name.padEnd(20)} ${String(bytes).padStart(18)}   ${files}`);
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
