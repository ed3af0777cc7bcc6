import { expect, type Page, test } from "@playwright/test";
import { formatDateTime } from "../lib/format";
import {
  createTestIntegration,
  demoIntegrationId,
  learnersWithCompletions,
  syncFootprint,
} from "./support/integrations";
import { ADMIN, signIn } from "./support/login";
import { startReceiver } from "./support/receiver";

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
  // Results are grouped by outcome, each exchange naming its learner.
  const exchanges = results.getByTestId("exchange");
  await expect(exchanges.filter({ hasText: "anne" }).first()).toBeVisible({ timeout: 30_000 });
  await expect(exchanges.filter({ hasText: other! }).first()).toBeVisible();
  const statuses = results.getByTestId("response-status");
  expect(await statuses.count()).toBeGreaterThanOrEqual(2);
  for (const s of await statuses.allTextContents()) expect(s).toMatch(/^HTTP 2\d\d$/);
  await expect(results.getByLabel("Request body").first()).toContainText('"employeeId": "anne@company.com"');
  await expect(results.getByLabel("Request headers").first()).toContainText("[redacted]");
  await expect(page.locator("body")).not.toContainText(process.env.DEMO_RECEIVER_API_KEY!);

  expect(await syncFootprint(id)).toEqual(before);
});

test("[test] Test with user shows each exchange as it ends, and Cancel keeps what was sent", async ({
  page,
}) => {
  // The receiver answers the first request and holds the rest: the test stays in progress until cancelled.
  const receiver = await startReceiver(() => ({ status: 201, body: "{}", contentType: "application/json" }), {
    answerFirst: 1,
  });
  const id = await createTestIntegration({
    name: `Progress ${Date.now()}`,
    endpointUrl: receiver.url,
    secrets: { apiKey: "e2e-progress-key-0123456789" },
  });
  try {
    await signIn(page, ADMIN);
    await page.goto(`/integrations/${id}/test`);
    await sendTest(page, (await learnersWithCompletions(2)).join(", "), "3");

    // The first exchange is shown while the second is at the receiver, with how far the test has got.
    const results = page.getByTestId("test-user-results");
    await expect(page.getByTestId("test-summary")).toHaveText(/^Sending… 1 of (\d+) completions done$/);
    const total = Number(/of (\d+)/.exec((await page.getByTestId("test-summary").textContent()) ?? "")?.[1]);
    expect(total).toBeGreaterThan(1);
    await expect(
      page.getByRole("button", { name: `Sending: 1 of ${total} completions done` }),
    ).toBeDisabled();
    await expect(results.getByLabel("Test progress")).toHaveAttribute("value", "1");
    await expect(results.getByTestId("exchange")).toHaveCount(1);
    await expect.poll(receiver.requests).toBe(2);

    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(
      page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Cancelled" }),
    ).toContainText(
      `Cancelled after 1 of ${total} completions done: nothing more was sent. What was sent is below.`,
    );
    // What was sent stays on the page, summed up as a finished test.
    await expect(results.getByTestId("exchange")).toHaveCount(1);
    await expect(page.getByTestId("test-summary")).toHaveText(/^1 of 1 accepted by the receiver, HTTP 201/);
    await expect(page.getByRole("button", { name: "Send test" })).toBeEnabled();
    receiver.release();
    await page.waitForTimeout(500);
    expect(receiver.requests()).toBe(2); // nothing sent after the Cancel
    expect(await syncFootprint(id)).toEqual({ log: 0, deliveries: 0, runs: 0 });
  } finally {
    await receiver.close();
  }
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

async function sendTest(page: Page, names: string, limit: string): Promise<void> {
  const box = page.getByLabel("User names or e-mails");
  await box.fill(names);
  await box.press("Escape");
  await page.getByLabel("Completions per learner").selectOption(limit);
  await page.getByRole("button", { name: "Send test" }).click();
}

for (const size of [
  { name: "1440×900", viewport: { width: 1440, height: 900 } },
  { name: "390×844", viewport: { width: 390, height: 844 } },
]) {
  test.describe(size.name, () => {
    // A viewer far from UTC, reading British English: every date in that locale and zone, UTC on hover.
    test.use({ viewport: size.viewport, locale: "en-GB", timezoneId: "Asia/Tokyo" });

    test("[test] the summary line", async ({ page }) => {
      const good = await createTestIntegration({
        name: `Summary ${size.name} ${Date.now()}`,
        secrets: { apiKey: process.env.DEMO_RECEIVER_API_KEY! },
      });
      const [learner] = await learnersWithCompletions(1);
      await signIn(page, ADMIN);
      await page.goto(`/integrations/${good}/test`);

      // The learner box completes a name as the editor's does; the chosen one is kept, room for the next.
      const box = page.getByLabel("User names or e-mails");
      await box.fill("nobody.here, anne@compa");
      await page.getByRole("option", { name: /anne@company\.com/ }).click();
      await expect(box).toHaveValue("nobody.here, anne, ");
      await box.press("Escape");
      await page.getByLabel("Completions per learner").selectOption("3");
      await page.getByRole("button", { name: "Send test" }).click();

      // The answer first, in view and focused, before any exchange: counts, answers, times, the missing learner.
      const line = page.getByTestId("test-summary");
      await expect(line).toHaveText(
        /^([1-3]) of \1 accepted by the receiver, HTTP 2\d\d, \d+(–\d+)? ms; 1 learner not found$/,
        { timeout: 30_000 },
      );
      await expect(line).toBeInViewport();
      await expect(line).toBeFocused();
      const missing = page.getByTestId("test-missing");
      await expect(missing).toHaveText("nobody.here: no learner with this user name or e-mail");
      const lineBox = (await line.boundingBox())!;
      const missingBox = (await missing.boundingBox())!;
      const firstGroup = (await page.getByTestId("outcome-group").first().boundingBox())!;
      expect(lineBox.y).toBeLessThan(missingBox.y);
      expect(missingBox.y).toBeLessThan(firstGroup.y);
      await expect(page.getByTestId("outcome-group")).toHaveCount(1);
      const sent = Number((await line.textContent())?.split(" ")[0]);
      await expect(page.getByTestId("exchange")).toHaveCount(sent);
      await expect(page.getByTestId("diagnosis")).toHaveCount(0);

      // Dates in the viewer's locale and zone, with UTC on hover; never the US form.
      const when = page.getByTestId("exchange").first().locator("time");
      const iso = (await when.getAttribute("datetime"))!;
      await expect(when).toHaveText(formatDateTime(iso, { locale: "en-GB", timeZone: "Asia/Tokyo" }));
      await expect(when).toHaveAttribute("title", `${iso.slice(0, 19).replace("T", " ")} UTC`);
      await expect(page.getByTestId("test-user-results")).not.toContainText(/\d{1,2}\/\d{1,2}\/\d{4}/);

      // A refusing receiver: every completion fails the same way, and the diagnosis is said once.
      const refused = await createTestIntegration({
        name: `Summary refused ${size.name} ${Date.now()}`,
        secrets: { apiKey: "definitely-not-the-key" },
      });
      await page.goto(`/integrations/${refused}/test`);
      await sendTest(page, learner!, "3");
      await expect(line).toHaveText(/^0 of 3 accepted by the receiver, HTTP 401, \d+(–\d+)? ms$/, {
        timeout: 30_000,
      });
      await expect(page.getByTestId("exchange")).toHaveCount(3); // the learner with the most completions
      await expect(page.getByTestId("diagnosis")).toHaveCount(1);
      await expect(page.getByTestId("diagnosis")).toContainText(/API key|credentials/i);
      expect(await syncFootprint(refused)).toEqual({ log: 0, deliveries: 0, runs: 0 });
    });
  });
}
