import { expect, type Locator, test } from "@playwright/test";
import { runSync } from "../lib/sync/run-sync";
import { e2eDb } from "./support/db";
import { createTestIntegration, demoIntegrationId } from "./support/integrations";
import { expectNoSidewaysScroll } from "./support/layout";
import { ADMIN, signIn } from "./support/login";

/** At least three integrations, one with failures in its log (so its chart and counts have something to say). */
async function threeIntegrations(): Promise<void> {
  const stamp = Date.now().toString(36);
  const failing = await createTestIntegration({
    name: `A receiver with a long name that refuses everything ${stamp}`,
    secrets: { apiKey: "e2e-list-wrong-key-0123456" },
    failureThreshold: 1000,
    retrySchedule: [1],
  });
  await runSync(e2eDb().db, failing, "manual");
  await createTestIntegration({
    name: `Second ${stamp}`,
    secrets: { apiKey: process.env.DEMO_RECEIVER_API_KEY! },
  });
}

test("[list] nothing is clipped from 1024 px: every Run now button is whole and in the window", async ({
  page,
}) => {
  await threeIntegrations();
  await signIn(page, ADMIN);
  for (const width of [1024, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/integrations");
    await expect(page.getByTestId("integration-row").first()).toBeVisible();
    const buttons = page.getByRole("button", { name: /^Run now/ });
    expect(await buttons.count()).toBeGreaterThanOrEqual(3);
    await expectNoSidewaysScroll(page);
    for (const button of await buttons.all()) {
      const box = (await button.boundingBox())!;
      expect(box.x, `Run now at ${width} px`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `Run now at ${width} px`).toBeLessThanOrEqual(width);
    }
  }
});

test("[list] failed counts say what failed, and the chart has a scale and a day's counts on hover and by keyboard", async ({
  page,
}) => {
  await threeIntegrations();
  await signIn(page, ADMIN);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/integrations");
  const row = page.getByTestId("integration-row").filter({ hasText: "refuses everything" }).first();
  const counts = row.getByTestId("queue-counts");
  await expect(counts).toContainText(/\d+ deliver(y|ies) given up/);
  await expect(counts).toContainText(/\d+ failed attempts? in a row/);

  const chart = row.getByTestId("daily-chart");
  const day = row.getByTestId("chart-day");
  await expect(day).toHaveText(/^busiest day: \d+$/);
  // Keyboard: focus lands on today, arrows move a day.
  await chart.focus();
  await expect(day).toHaveText(/^.+: \d+ delivered, [1-9]\d* failed$/);
  const today = await day.textContent();
  await page.keyboard.press("ArrowLeft");
  await expect(day).not.toHaveText(today!);
  await expect(day).toHaveText(/^.+: \d+ delivered, \d+ failed$/);
  // Pointer: the last column is today again.
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
  await expect(day).toHaveText(today!);
  await page.mouse.move(box.x + 1, box.y + box.height / 2, { steps: 5 });
  await expect(day).not.toHaveText(today!);
});

test.describe("390×844", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("[phone] the header collapses into a menu and the list is cards, with nothing off-screen", async ({
    page,
  }) => {
    await signIn(page, ADMIN);
    await page.goto("/integrations");
    await expect(page.getByTestId("integration-row").first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    const notifications = page.getByRole("link", { name: /^Notifications/ });
    await expect(notifications).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbound" }).click();
    await expect(page).toHaveURL(/\/inbound$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  });
});

test.describe("390×844, an integration's pages", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("[phone] an integration's settings, mapping, test, runs, log and history pages do not scroll sideways", async ({
    page,
  }) => {
    const id = await demoIntegrationId();
    await signIn(page, ADMIN);
    // What shows once each page's data is in (the settings page was too wide by its retry rows).
    const loaded: Record<string, Locator> = {
      "": page.getByLabel("Retry 1", { exact: true }),
      "/mapping": page.getByRole("tablist", { name: "Mapping editor" }),
    };
    for (const path of ["", "/mapping", "/test", "/log", "/runs", "/history"]) {
      await page.goto(`/integrations/${id}${path}`);
      await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
      if (loaded[path]) await expect(loaded[path]).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
    // Every section stays reachable: the tab row scrolls within itself.
    const handout = page
      .getByRole("navigation", { name: "Sections" })
      .getByRole("link", { name: "Handout for IT" });
    await handout.click();
    await expect(page).toHaveURL(/\/handout$/);
  });
});
