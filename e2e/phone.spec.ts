import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { syncRuns } from "../db/schema";
import { runSync } from "../lib/sync/run-sync";
import { e2eDb } from "./support/db";
import { createTestIntegration } from "./support/integrations";
import { expectNoSidewaysScroll } from "./support/layout";
import { ADMIN, signIn } from "./support/login";

test.use({ viewport: { width: 390, height: 844 } });

test("[phone] each admin task: pause, replace the API key, run now, read a log entry, test the connection", async ({
  page,
}) => {
  const name = `Phone tasks ${Date.now().toString(36)}`;
  const id = await createTestIntegration({ name, secrets: { apiKey: "e2e-phone-stale-key-0123" } });
  await signIn(page, ADMIN);

  // Pause and enable from the integration's card.
  await page.goto("/integrations");
  const card = page.getByTestId("integration-row").filter({ hasText: name });
  await card.getByRole("button", { name: `Pause ${name}` }).click();
  await expect(card).toContainText("Paused");
  await expect(card.getByRole("button", { name: `Run now: ${name}` })).toBeDisabled();
  await card.getByRole("button", { name: `Enable ${name}` }).click();
  await expect(card).toContainText("Active");
  await expectNoSidewaysScroll(page);

  // Replace the stale API key with the demo receiver's on the settings page.
  await card.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Replace API key" }).click();
  await page.getByLabel("API key", { exact: true }).fill(process.env.DEMO_RECEIVER_API_KEY!);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("form-status")).toHaveText("Saved.");
  await expect(page.getByTestId("secret-apiKey")).toContainText("set");
  await expectNoSidewaysScroll(page);

  // Run now, and see what the run did (the e2e stack has no worker: the test does the sync job's part).
  await page.getByRole("button", { name: `Run now: ${name}` }).click();
  const result = page.getByTestId("run-result");
  await expect(result).toContainText("Run queued");
  const [queued] = await e2eDb()
    .db.select({ id: syncRuns.id })
    .from(syncRuns)
    .where(and(eq(syncRuns.integrationId, id), eq(syncRuns.status, "queued")));
  await runSync(e2eDb().db, id, "manual", { queuedRunId: queued!.id });
  await expect(result).toHaveText(/^Done: ([\d,]+) sent, \1 accepted, 0 failed\. Open the log$/);

  // The log: filters fold behind one button that counts them; an entry opens as a page of its own.
  await result.getByRole("link", { name: "Open the log" }).click();
  const rows = page.getByTestId("log-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const filters = page.getByRole("button", { name: /^Filters/ });
  await expect(filters).toHaveText("Filters");
  await expect(page.getByLabel("HTTP status")).toBeHidden();
  await filters.click();
  await page.getByLabel("Outcome").selectOption("success");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(/outcome=success/);
  await expect(filters).toHaveText("Filters (1 on)");
  await expect(page.getByLabel("HTTP status")).toBeHidden();
  await expectNoSidewaysScroll(page);
  // The table itself fits too: time, result and learner; an opened entry has the rest.
  const table = page.getByTestId("log-table");
  expect(await table.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth)).toBe(0);
  await expect(table.getByRole("columnheader", { name: "Course" })).toBeHidden();

  await rows.first().getByRole("button").first().click();
  const entry = page.getByRole("complementary", { name: "Log entry" });
  const back = entry.getByRole("button", { name: "← Back to the log" });
  await expect(back).toBeFocused();
  await expect(entry.getByRole("heading", { level: 2 })).toHaveText(/^Delivery #\d+ · attempt 1$/);
  await expect(entry.getByText(/^POST http/)).toContainText("/api/demo-receiver");
  const box = (await entry.boundingBox())!;
  expect(box.width).toBeGreaterThan(360);
  await expect(entry.getByRole("button", { name: "Close entry" })).toBeHidden();
  await expect(page).toHaveURL(/[?&]entry=\d+/);
  await expectNoSidewaysScroll(page);
  // As behind a dialog, what the page covers is out of reach: Shift+Tab from Back does not reach the list.
  const behind = rows.first().getByRole("button").first();
  expect(await behind.evaluate((b) => b.closest("[inert]") !== null)).toBe(true);
  await page.keyboard.press("Shift+Tab");
  expect(await behind.evaluate((b) => b === document.activeElement)).toBe(false);
  await back.click();
  await expect(entry).toBeHidden();
  await expect(page).not.toHaveURL(/entry=/);
  await expect(rows.first().getByRole("button").first()).toBeFocused();

  // Test connection with the new key.
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Test" }).click();
  await page.getByRole("button", { name: "Test connection" }).click();
  const connection = page.getByTestId("connection-result");
  await expect(connection.getByTestId("http-status")).toHaveText("HTTP 200", { timeout: 30_000 });
  await expect(connection).toContainText("Connection works");
  await expectNoSidewaysScroll(page);
});
