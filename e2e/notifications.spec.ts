import { expect, test } from "@playwright/test";
import { notify } from "../lib/notify/notify";
import { e2eDb } from "./support/db";
import { demoIntegrationId } from "./support/integrations";
import { signIn, VIEWER } from "./support/login";

test("[notifications] a viewer sees an auto-disable notice in the inbox and marks it read", async ({
  page,
}) => {
  const id = await demoIntegrationId();
  const title = `Demo HR system was disabled after 10 failed attempts in a row (${Date.now()})`;
  await notify(e2eDb().db, {
    integrationId: id,
    kind: "integration.auto_disabled",
    severity: "error",
    title,
    body: "Last error: HTTP 500: The endpoint answered HTTP 500 Internal Server Error.",
    link: `/integrations/${id}`,
  });
  await signIn(page, VIEWER);
  const inbox = page.getByRole("link", { name: /Notifications/ });
  await expect(inbox.getByTestId("unread-count")).toBeVisible();
  await inbox.click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("HTTP 500 Internal Server Error")).toBeVisible();
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(inbox.getByTestId("unread-count")).toHaveCount(0);
});

test("[notifications] one notification is marked read by itself, or by opening it", async ({ page }) => {
  const id = await demoIntegrationId();
  const tag = Date.now();
  await signIn(page, VIEWER);
  await page.goto("/notifications");
  // Start from an empty inbox (for this viewer only), then two new notices.
  const markAll = page.getByRole("button", { name: "Mark all read" });
  if (await markAll.isEnabled()) await markAll.click();
  const inbox = page.getByRole("link", { name: /Notifications/ });
  await expect(inbox.getByTestId("unread-count")).toHaveCount(0);
  const titles = [`First notice ${tag}`, `Second notice ${tag}`];
  for (const title of titles) {
    await notify(e2eDb().db, {
      integrationId: id,
      kind: "integration.failing",
      severity: "warning",
      title,
      body: "Five failed attempts in a row.",
      link: `/integrations/${id}/log`,
    });
  }
  await page.reload();
  await expect(inbox.getByTestId("unread-count")).toHaveText("2 unread");

  const [first, second] = titles.map((t) => page.getByTestId("notification").filter({ hasText: t }));
  await first!.getByRole("button", { name: `Mark read: ${titles[0]}` }).click();
  await expect(first!).toHaveAttribute("data-read", "true");
  await expect(first!.getByRole("button", { name: /Mark read/ })).toHaveCount(0);
  await expect(second!).toHaveAttribute("data-read", "false");
  await expect(inbox.getByTestId("unread-count")).toHaveText("1 unread");

  await second!.getByRole("link", { name: "Open →" }).click();
  await expect(page).toHaveURL(new RegExp(`/integrations/${id}/log`));
  await expect(inbox.getByTestId("unread-count")).toHaveCount(0);
});
