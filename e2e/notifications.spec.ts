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
