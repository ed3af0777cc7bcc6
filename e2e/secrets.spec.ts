import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./support/login";

test("[secrets] the API key never appears in any page's HTML or API reply", async ({ page }) => {
  const secret = process.env.DEMO_RECEIVER_API_KEY!;
  expect(secret.length).toBeGreaterThanOrEqual(16);
  const seen: string[] = [];
  const leaks: string[] = [];
  const reads: Promise<void>[] = [];
  page.on("response", (response) => {
    reads.push(
      response
        .text()
        .then((body) => {
          seen.push(response.url());
          if (body.includes(secret)) leaks.push(`${response.request().method()} ${response.url()}`);
        })
        // Redirects and aborted requests have no body to read.
        .catch(() => undefined),
    );
  });
  const checkHtml = async () => {
    expect(await page.content()).not.toContain(secret);
  };

  await signIn(page, ADMIN);
  await expect(page.getByTestId("integration-row").first()).toBeVisible();
  await checkHtml();
  await page.getByRole("link", { name: "Demo HR system" }).click();
  await expect(page.getByTestId("secret-apiKey")).toContainText("set");
  const settingsUrl = page.url();
  await checkHtml();

  for (const tab of ["Payload mapping", "Test"]) {
    await page.getByRole("link", { name: tab, exact: true }).click();
    await page.waitForLoadState("networkidle");
    await checkHtml();
  }
  await page.goto("/demo-receiver");
  await page.waitForLoadState("networkidle");
  await checkHtml();

  // Replace the key with itself, so the demo integration keeps working for the other specs.
  await page.goto(settingsUrl);
  await page.getByRole("button", { name: "Replace API key" }).click();
  await page.getByLabel("API key", { exact: true }).fill(secret);
  const patch = page.waitForResponse(
    (r) => r.request().method() === "PATCH" && r.url().includes("/api/integrations/"),
  );
  await page.getByRole("button", { name: "Save changes" }).click();
  const reply = await patch;
  expect(reply.status()).toBe(200);
  expect(reply.request().postDataJSON()).toEqual({
    secrets: { apiKey: secret },
    version: expect.any(Number),
  });
  await expect(page.getByTestId("form-status")).toHaveText("Saved.");
  await expect(page.getByTestId("secret-apiKey")).toContainText("changed just now");
  await checkHtml();
  await page.reload();
  await expect(page.getByTestId("secret-apiKey")).toContainText("set");
  await checkHtml();

  await Promise.all(reads);
  expect(seen.some((u) => u.includes("/api/integrations"))).toBe(true);
  expect(leaks).toEqual([]);
});
