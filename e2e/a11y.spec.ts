import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { runSync } from "../lib/sync/run-sync";
import { e2eDb } from "./support/db";
import { createTestIntegration, demoIntegrationId } from "./support/integrations";
import { ADMIN, signIn } from "./support/login";

/**
 * axe over every page an administrator uses, in the state that shows most (results on the Test page, an entry
 * open in the log). A serious or critical violation fails the test and is listed with where it is.
 */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
}

test("[a11y] the login page has no serious or critical axe violation", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await seriousViolations(page, "login")).toEqual([]);
});

test("[a11y] every admin page has no serious or critical axe violation", async ({ page }) => {
  test.setTimeout(180_000);
  const demo = await demoIntegrationId();
  // An integration with failures in its log, so the log page shows a failed entry open.
  const failing = await createTestIntegration({
    name: `A11y ${Date.now().toString(36)}`,
    secrets: { apiKey: "e2e-a11y-wrong-key-0123456" },
    failureThreshold: 1000,
  });
  await runSync(e2eDb().db, failing, "manual");
  await signIn(page, ADMIN);
  // Every page is checked before the test fails, so one run lists all that is wrong.
  const found: string[] = [];
  const check = async (where: string) => void found.push(...(await seriousViolations(page, where)));

  await page.goto("/integrations");
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  await check("integration list");

  await page.goto(`/integrations/${demo}`);
  await expect(page.getByRole("textbox", { name: "Name", exact: true })).toBeVisible();
  await check("settings");

  await page.goto(`/integrations/${demo}/mapping`);
  await expect(page.getByLabel("Payload JSON")).toBeVisible();
  await check("mapping editor");

  await page.goto(`/integrations/${demo}/test`);
  await page.getByLabel("User names or e-mails").fill("anne");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByTestId("test-user-results").getByTestId("exchange").first()).toBeVisible({
    timeout: 30_000,
  });
  await check("test with results");

  await page.goto(`/integrations/${failing}/log`);
  const rows = page.getByTestId("log-table").locator("tbody tr");
  await rows.first().getByRole("button").first().click();
  await expect(
    page.getByRole("complementary", { name: "Log entry" }).getByRole("heading", { level: 2 }),
  ).toBeVisible();
  await check("log with an entry open");
  const entryUrl = page.url();

  for (const [path, name] of [
    [`/integrations/${demo}/history`, "history"],
    [`/integrations/${demo}/runs`, "runs"],
    [`/integrations/${demo}/handout`, "handout for IT"],
    ["/integrations/import", "import"],
    ["/api-docs", "API page"],
    ["/notifications", "notifications"],
    ["/integrations/new", "new integration"],
    ["/demo-receiver", "demo receiver"],
    ["/inbound", "inbound sources"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await check(name);
  }

  // At 390 px: the editor as tabs, and a log entry as a page of its own.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/integrations/${demo}/mapping`);
  await expect(page.getByRole("tab", { name: "Keys", selected: true })).toBeVisible();
  await check("mapping editor at 390 px");
  await page.goto(entryUrl);
  await expect(page.getByRole("button", { name: "← Back to the log" })).toBeVisible();
  await expect(rows.first()).toBeAttached();
  await check("log entry at 390 px");
  expect(found).toEqual([]);
});
