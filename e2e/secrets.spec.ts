import { expect, test } from "@playwright/test";
import { ADMIN, signIn, VIEWER } from "./support/login";

/**
 * The demo integration's API key is the demo receiver's own key, which two demo-only pages show an admin on purpose
 * (to point a new integration at it): the demo receiver page and the new-integration page.
 */
const SHOWS_DEMO_KEY = [/\/demo-receiver(\?|$)/, /\/integrations\/new(\?|$)/];

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
          const showsIt = SHOWS_DEMO_KEY.some((p) => p.test(new URL(response.url()).pathname));
          if (body.includes(secret) && !showsIt)
            leaks.push(`${response.request().method()} ${response.url()}`);
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
  await expect(page.getByTestId("demo-key")).toHaveText(secret);

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

test("[secrets] a viewer does not see the demo receiver's key", async ({ page }) => {
  const secret = process.env.DEMO_RECEIVER_API_KEY!;
  await signIn(page, VIEWER);
  await page.goto("/demo-receiver");
  await expect(page.getByRole("heading", { name: "Demo receiver", level: 1 })).toBeVisible();
  await expect(page.getByTestId("demo-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
});
