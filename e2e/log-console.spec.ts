import { expect, test } from "@playwright/test";
import { activities, completions, users } from "../db/schema";
import { runSync } from "../lib/sync/run-sync";
import { e2eDb } from "./support/db";
import { createTestIntegration } from "./support/integrations";
import { ADMIN, signIn } from "./support/login";
import { startReceiver } from "./support/receiver";

/** An integration that has sent the demo's completions to a receiver refusing every `failEvery`-th one. */
async function integrationWithLog(name: string, failEvery: number) {
  const receiver = await startReceiver((n) =>
    n % failEvery === 0 ? { status: 500, body: "busy" } : { status: 200, body: "ok" },
  );
  const id = await createTestIntegration({
    name,
    endpointUrl: receiver.url,
    secrets: { apiKey: "e2e-log-console-key-0123" },
    failureThreshold: 1000,
    concurrency: 8,
  });
  await runSync(e2eDb().db, id, "manual");
  await receiver.close();
  return id;
}

test("[log] an entry low in the list opens in view and its URL reopens it", async ({ page }) => {
  const id = await integrationWithLog(`Log in view ${Date.now().toString(36)}`, 7);
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}/log`);
  const rows = page.getByTestId("log-table").locator("tbody tr");
  await expect(rows).toHaveCount(50);
  const low = rows.nth(45);
  await low.scrollIntoViewIfNeeded();
  await low.getByRole("button").first().click();
  const panel = page.getByRole("complementary", { name: "Log entry" });
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(/^Delivery #\d+ · attempt \d+$/);
  await expect(panel).toBeInViewport();
  await expect(page).toHaveURL(/[?&]entry=\d+/);

  const url = page.url();
  const heading = await panel.getByRole("heading", { level: 2 }).textContent();
  await page.goto("/integrations");
  await page.goto(url);
  await expect(
    page.getByRole("complementary", { name: "Log entry" }).getByRole("heading", { level: 2 }),
  ).toHaveText(heading!);
});

test("[log] filters survive a reload", async ({ page }) => {
  const id = await integrationWithLog(`Log filters ${Date.now().toString(36)}`, 5);
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}/log`);
  await page.getByLabel("Outcome").selectOption("failure");
  await page.getByLabel("HTTP status").fill("500");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/outcome=failure/);
  await expect(page).toHaveURL(/status=500/);
  await page.reload();
  await expect(page.getByLabel("Outcome")).toHaveValue("failure");
  await expect(page.getByLabel("HTTP status")).toHaveValue("500");
  const results = page.getByTestId("log-table").locator("tbody tr td:nth-child(2)");
  await expect(results.first()).toBeVisible();
  for (const text of await results.allTextContents()) expect(text).toContain("HTTP 500");
});

test("[log] resend all failed asks with a count", async ({ page }) => {
  const id = await integrationWithLog(`Resend failed ${Date.now().toString(36)}`, 4);
  // The run's failures are retrying; let them run out of retries, as after the last retry.
  await e2eDb()
    .sql`update deliveries set state = 'failed' where integration_id = ${id} and state = 'retrying'`;
  const [failed] = await e2eDb().sql<{ n: number }[]>`
    select count(*)::int as n from deliveries where integration_id = ${id} and state = 'failed'`;
  const n = failed!.n;
  expect(n).toBeGreaterThan(0);
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}/log`);
  await page.getByRole("button", { name: `Resend all failed (${n})` }).click();
  const dialog = page.getByRole("dialog", { name: "Resend all failed deliveries?" });
  await expect(dialog).toContainText(`${n} failed deliveries get a new cycle`);
  await dialog.getByRole("button", { name: `Resend ${n} failed` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("delivery-counts")).toContainText("0 failed");
  const [after] = await e2eDb().sql<{ pending: number }[]>`
    select count(*) filter (where state = 'pending')::int as pending from deliveries where integration_id = ${id}`;
  expect(after!.pending).toBe(n);
});

test("[log] the CSV opens with accented names and neutralised formulas", async ({ page }) => {
  const db = e2eDb().db;
  const tag = Date.now().toString(36);
  const [learner] = await db
    .insert(users)
    .values({
      userName: `soren-${tag}`,
      email: `søren.ærø-${tag}@company.com`,
      firstName: "Søren",
      lastName: "Ærø",
    })
    .returning();
  const [course] = await db.insert(activities).values({ name: "Sikkerhed på arbejdspladsen" }).returning();
  await db.insert(completions).values({
    userId: learner!.id,
    activityId: course!.id,
    completionDate: new Date(),
    bestCombined: 100,
    bestScore: 90,
  });
  const receiver = await startReceiver(() => ({
    status: 400,
    body: '=HYPERLINK("http://evil.example","x")',
  }));
  const id = await createTestIntegration({
    name: `CSV ${tag}`,
    endpointUrl: receiver.url,
    secrets: { apiKey: "e2e-log-console-key-0123" },
    sendFrom: new Date(Date.now() - 60_000),
    failureThreshold: 1000,
  });
  await runSync(db, id, "manual");
  await receiver.close();

  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}/log`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const bytes = await (await download.createReadStream()).toArray();
  const csv = Buffer.concat(bytes as Buffer[]);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.toString("utf8");
  expect(text).toContain(`søren.ærø-${tag}@company.com`);
  expect(text).toContain("Sikkerhed på arbejdspladsen");
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  expect(text).not.toMatch(/,=HYPERLINK/);
});
