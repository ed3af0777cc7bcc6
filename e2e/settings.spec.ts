import { type Browser, expect, type Page, test } from "@playwright/test";
import { findIntegration } from "../db/queries/integrations";
import { decryptSecrets } from "../lib/integrations/secrets";
import { e2eDb } from "./support/db";
import { createTestIntegration } from "./support/integrations";
import { ADMIN, signIn } from "./support/login";

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}`;

/** An integration configured away from every default, as an administrator would have set it up. */
async function configuredIntegration(name: string): Promise<string> {
  return createTestIntegration({
    name,
    authConfig: { headerName: "X-Tenant-Key" },
    secrets: { apiKey: "original-api-key-0001" },
    customHeaders: { "X-Tenant": "acme", "X-Region": "eu" },
    scheduleCron: "*/5 * * * *",
    scheduleTimeZone: "Europe/Copenhagen",
    timeoutMs: 12_000,
    retrySchedule: [30, 600, 3600],
    failureThreshold: 25,
    concurrency: 8,
    notificationEmails: ["it@example.com", "hr@example.com"],
  });
}

/** Every stored setting except the ones a save always touches, secrets decrypted. */
async function storedSettings(id: string) {
  const row = (await findIntegration(e2eDb().db, id))!;
  const { updatedAt: _a, updatedBy: _b, settingsVersion: _c, secrets, ...rest } = row;
  const plain = decryptSecrets(secrets);
  if (!plain.ok) throw new Error(plain.error);
  return { ...rest, secrets: plain.secrets };
}

async function openSettings(page: Page, id: string) {
  await page.goto(`/integrations/${id}`);
  await expect(page.getByLabel("Cron expression")).toHaveValue("*/5 * * * *");
}

test("[settings] saving a changed name keeps schedule, time zone, headers, retries and e-mails", async ({
  page,
}) => {
  const name = unique("E2E keep settings");
  const id = await configuredIntegration(name);
  const before = await storedSettings(id);
  await signIn(page, ADMIN);
  await openSettings(page, id);

  await page.getByLabel("Name", { exact: true }).fill(`${name} renamed`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("form-status")).toHaveText("Saved.");

  expect(await storedSettings(id)).toEqual({ ...before, name: `${name} renamed` });
  await page.reload();
  await expect(page.getByLabel("Cron expression")).toHaveValue("*/5 * * * *");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Copenhagen");
  await expect(page.getByLabel("Header name")).toHaveValue("X-Tenant-Key");
  const headerNames = page.getByRole("textbox", { name: /^Header \d+ name$/ });
  await expect(headerNames).toHaveCount(2);
  expect(
    (await headerNames.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).sort(),
  ).toEqual(["X-Region", "X-Tenant"]);
  await expect(page.getByLabel("Requests at once")).toHaveValue("8");
  await expect(page.getByLabel("Disable after failures in a row")).toHaveValue("25");
});

test("[settings] replacing the API key keeps every other setting", async ({ page }) => {
  const id = await configuredIntegration(unique("E2E replace key"));
  const before = await storedSettings(id);
  await signIn(page, ADMIN);
  await openSettings(page, id);

  await page.getByRole("button", { name: "Replace API key" }).click();
  await page.getByLabel("API key", { exact: true }).fill("replaced-api-key-0002");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("form-status")).toHaveText("Saved.");
  await expect(page.getByTestId("secret-apiKey")).toContainText("set");

  const after = await storedSettings(id);
  expect(after.secrets).toEqual({ apiKey: "replaced-api-key-0002" });
  expect({ ...after, secrets: before.secrets }).toEqual(before);
});

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN);
  return page;
}

test("[settings] two admins editing: the second save is told what changed", async ({ browser }) => {
  const name = unique("E2E two admins");
  const id = await configuredIntegration(name);
  const first = await adminPage(browser);
  const second = await adminPage(browser);
  await openSettings(first, id);
  await openSettings(second, id);

  await first.getByLabel("Cron expression").fill("0 3 * * *");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByTestId("form-status")).toHaveText("Saved.");

  await second.getByLabel("Name", { exact: true }).fill(`${name} (second admin)`);
  await second.getByRole("button", { name: "Save changes" }).click();
  const conflict = second.getByTestId("save-conflict");
  await expect(conflict).toContainText("Not saved: someone else saved these settings");
  await expect(conflict).toContainText(`${ADMIN.email} changed schedule`);
  expect((await storedSettings(id)).name).toBe(name);

  await conflict.getByRole("button", { name: "Load their version and keep my edits" }).click();
  await expect(conflict).toBeHidden();
  await expect(second.getByLabel("Cron expression")).toHaveValue("0 3 * * *");
  await expect(second.getByLabel("Name", { exact: true })).toHaveValue(`${name} (second admin)`);
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByTestId("form-status")).toHaveText("Saved.");

  const after = await storedSettings(id);
  expect(after.name).toBe(`${name} (second admin)`);
  expect(after.scheduleCron).toBe("0 3 * * *");
  await first.context().close();
  await second.context().close();
});

test("[settings] a secret header is typed once, then shown only as set and sent encrypted at rest", async ({
  page,
}) => {
  const id = await configuredIntegration(unique("E2E secret header"));
  await signIn(page, ADMIN);
  await openSettings(page, id);
  await page.getByRole("button", { name: "Add secret header" }).click();
  await page.getByLabel("Secret header 1 name").fill("X-Tenant-Key");
  await page.getByLabel("Secret header 1 value").fill("tenant-value-0042");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("form-status")).toHaveText("Saved.");
  await expect(page.getByTestId("secret-header-1")).toContainText("set · changed just now");
  expect(await page.content()).not.toContain("tenant-value-0042");

  const after = await storedSettings(id);
  expect(after.customHeaders).toEqual({ "X-Tenant": "acme", "X-Region": "eu" });
  expect(after.secrets).toMatchObject({ "header:X-Tenant-Key": "tenant-value-0042" });

  await page.reload();
  await page.getByRole("button", { name: "Remove secret header 1" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("form-status")).toHaveText("Saved.");
  expect((await storedSettings(id)).secrets).toEqual({ apiKey: "original-api-key-0001" });
});
