import { expect, test } from "@playwright/test";
import {
  createTestIntegration,
  demoIntegrationId,
  learnersWithCompletions,
  syncFootprint,
} from "./support/integrations";
import { ADMIN, signIn } from "./support/login";

test("[test] admin runs Test with user for two usernames", async ({ page }) => {
  const id = await demoIntegrationId();
  const [other] = (await learnersWithCompletions(2)).filter((n) => n !== "anne");
  const before = await syncFootprint(id);
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}/test`);
  await expect(page.getByText("no sync log entry, no delivery state")).toBeVisible();
  await page.getByLabel("User names or e-mails").fill(`anne, ${other}`);
  await page.getByLabel("Completions per learner").selectOption("3");
  await page.getByRole("button", { name: "Send test" }).click();

  const results = page.getByTestId("test-user-results");
  await expect(results.getByRole("region", { name: "Results for anne" })).toBeVisible({ timeout: 30_000 });
  await expect(results.getByRole("region", { name: `Results for ${other}` })).toBeVisible();
  const statuses = results.getByTestId("response-status");
  expect(await statuses.count()).toBeGreaterThanOrEqual(2);
  for (const s of await statuses.allTextContents()) expect(s).toMatch(/^HTTP 2\d\d$/);
  await expect(results.getByLabel("Request body").first()).toContainText('"employeeId": "anne@company.com"');
  await expect(results.getByLabel("Request headers").first()).toContainText("[redacted]");
  await expect(page.locator("body")).not.toContainText(process.env.DEMO_RECEIVER_API_KEY!);

  expect(await syncFootprint(id)).toEqual(before);
});

test("[test] admin runs Test connection against a wrong API key", async ({ page }) => {
  const id = await createTestIntegration({
    name: `Wrong key ${Date.now()}`,
    secrets: { apiKey: "definitely-not-the-key" },
  });
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}/test`);
  await page.getByRole("button", { name: "Test connection" }).click();
  const result = page.getByTestId("connection-result");
  await expect(result.getByTestId("http-status")).toHaveText("HTTP 401", { timeout: 30_000 });
  await expect(result.getByText("Connection failed")).toBeVisible();
  await expect(result.getByTestId("diagnosis")).toContainText(/API key|credentials/i);
  await expect(result.getByTestId("stages")).toContainText("DNS lookup");
  expect(await syncFootprint(id)).toEqual({ log: 0, deliveries: 0, runs: 0 });
});

test("[test] Test with user sends the mapping being edited, before it is saved", async ({ page }) => {
  const id = await createTestIntegration({
    name: `Draft mapping ${Date.now()}`,
    secrets: { apiKey: process.env.DEMO_RECEIVER_API_KEY! },
  });
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}/mapping`);
  const employee = page.locator('[data-testid="key-row"][data-key="employeeId"]');
  await employee.getByLabel("Transforms of employeeId").fill("uppercase");
  await employee.getByLabel("Transforms of employeeId").press("Escape");

  page.once("dialog", (dialog) => void dialog.accept()); // the unsaved-changes guard asks before leaving
  await page.getByRole("link", { name: "Test", exact: true }).click();
  await expect(page.getByTestId("mapping-source")).toContainText("unsaved mapping");
  await page.getByLabel("User names or e-mails").fill("anne");
  await page.getByLabel("Completions per learner").selectOption("1");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByTestId("test-user-results").getByLabel("Request body")).toContainText(
    '"employeeId": "ANNE@COMPANY.COM"',
  );
  expect(await syncFootprint(id)).toEqual({ log: 0, deliveries: 0, runs: 0 });
});
