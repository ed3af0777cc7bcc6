import { expect, test } from "@playwright/test";
import { signIn, VIEWER } from "./support/login";

test("[roles] a viewer sees settings and mapping read-only", async ({ page }) => {
  await signIn(page, VIEWER);
  const demo = page.getByTestId("integration-row").filter({ hasText: "Demo HR system" });
  await expect(demo).toBeVisible();
  await expect(page.getByRole("link", { name: "New integration" })).toHaveCount(0);
  await expect(demo.getByRole("button")).toHaveCount(0);

  await demo.getByRole("link", { name: "Demo HR system" }).click();
  await expect(page.getByText("changing them needs the admin role")).toBeVisible();
  for (const label of [
    "Name",
    "Endpoint URL",
    "Method",
    "Header name",
    "Cron expression",
    "Timeout (seconds)",
  ]) {
    const input = page.getByLabel(label, { exact: true });
    await expect(input).toBeVisible();
    await expect(input).toBeDisabled();
  }
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Demo HR system");
  await expect(page.getByTestId("secret-apiKey")).toContainText("set");
  for (const name of [/^Save/, /^Delete/, /^Run now/, /^Pause/, /^Replace/, /^Create/]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }

  await page.getByRole("link", { name: "Payload mapping" }).click();
  await expect(page).toHaveURL(/\/mapping$/);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("button", { name: "Save mapping" })).toHaveCount(0);

  await page.goto("/integrations/new");
  await expect(page).toHaveURL(/\/integrations$/);
});
