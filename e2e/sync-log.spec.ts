import { expect, test } from "@playwright/test";
import { runSync } from "../lib/sync/run-sync";
import { e2eDb } from "./support/db";
import { createTestIntegration } from "./support/integrations";
import { ADMIN, signIn } from "./support/login";

test("[log] admin reads a failed attempt in the sync log, filters it and downloads it", async ({ page }) => {
  const id = await createTestIntegration({
    name: `Log check ${Date.now()}`,
    secrets: { apiKey: "not-the-demo-key" },
    failureThreshold: 1000,
    concurrency: 8,
  });
  const run = await runSync(e2eDb().db, id, "manual");
  expect(run).toMatchObject({ ran: true, succeeded: 0 });
  expect(run.ran && run.sent).toBeGreaterThan(100);

  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}/log`);
  const table = page.getByTestId("log-table");
  await expect(table.getByText("HTTP 401").first()).toBeVisible();

  await page.getByLabel("Learner").fill("anne@company.com");
  await page.getByRole("button", { name: "Filter" }).click();
  // Until the filtered page arrives the unfiltered one is still shown: wait for only Anne's rows.
  await expect
    .poll(async () => [...new Set(await table.locator("tbody tr td:nth-child(3)").allTextContents())])
    .toEqual(["anne@company.com"]);

  await table.locator("tbody tr").first().getByRole("button").click();
  const entry = page.getByRole("complementary", { name: "Log entry" });
  await expect(entry.getByLabel("Request body")).toContainText('"employeeId": "anne@company.com"');
  await expect(entry.getByLabel("Response body")).toContainText("Missing or wrong X-API-Key");
  await expect(entry.getByLabel("curl command")).toContainText("[redacted]");
  await expect(entry).not.toContainText("not-the-demo-key");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/sync-log-\d{4}-\d\d-\d\d\.csv$/);
});
