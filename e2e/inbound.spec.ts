import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { ADMIN, signIn } from "./support/login";

test("[inbound] an admin creates a source, a signed request arrives, its log shows the items", async ({
  page,
}) => {
  const name = `E2E HR feed ${Date.now().toString(36)}`;
  await signIn(page, ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbound" }).click();
  await expect(page.getByRole("heading", { name: "Inbound", exact: true })).toBeVisible();

  await page.getByLabel("Name").fill(name);
  await expect(page.getByLabel("Users")).toBeChecked();
  await expect(page.getByLabel("Completions")).toBeChecked();
  await page.getByRole("button", { name: "Create source" }).click();

  const secret = (await page.getByTestId("signing-secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  const url = (await page.getByTestId("source-url").textContent())!.replace(/^POST\s+/, "").trim();
  const path = new URL(url).pathname;
  expect(path).toMatch(/^\/api\/inbound\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(page).toHaveURL(new RegExp(`/inbound/${path.split("/").at(-1)}$`));
  await expect(page.getByRole("heading", { name })).toBeVisible();

  // The sending system: signs the exact body with the reference library and POSTs it, no session involved.
  const tag = Date.now().toString(36);
  const body = JSON.stringify({
    type: "users",
    items: [
      { userName: `e2e-${tag}`, email: `e2e-${tag}@company.com`, firstName: "Ebbe", lastName: "Holm" },
      {
        userName: `e2e-${tag}-b`,
        email: `e2e-${tag}-b@company.com`,
        firstName: "Frida",
        lastName: "Lund",
        organisationName: "Night shift",
      },
    ],
  });
  const id = `msg_${tag}`;
  const at = new Date();
  const sent = await page.request.post(path, {
    data: body,
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(id, at, body),
    },
  });
  expect(sent.status()).toBe(200);
  expect(await sent.json()).toMatchObject({ outcome: "partial", ok: 1, failed: 1 });

  await page.reload();
  const table = page.getByTestId("inbound-log-table");
  const row = table.getByRole("row").filter({ hasText: "Partly accepted" });
  await expect(row).toContainText("current secret");
  await expect(row).toContainText("1 ok, 1 failed");
  await row.getByRole("button").click();
  const entry = page.getByRole("complementary", { name: "Inbound request" });
  await expect(entry.getByTestId("item-errors")).toContainText(
    '#1 organisationName No organisation is named "Night shift", and this source may not create organisations',
  );
  await expect(entry).toContainText(`webhook-id ${id}`);
  await expect(entry).toContainText(`e2e-${tag}@company.com`);

  // Shown once: no page holds the secret any more.
  expect(await page.content()).not.toContain(secret.slice("whsec_".length));

  // On a phone the same log folds its filters behind a button and shows the request as a page of its own.
  await page.setViewportSize({ width: 390, height: 844 });
  const back = entry.getByRole("button", { name: "← Back to the inbound log" });
  await expect(back).toBeInViewport();
  await expect(entry.getByRole("button", { name: "Close request" })).toBeHidden();
  expect((await entry.boundingBox())!.width).toBeGreaterThan(360);
  await back.click();
  await expect(entry).toBeHidden();
  await expect(page.getByLabel("Verified by")).toBeHidden();
  await page.getByRole("button", { name: "Filters", exact: true }).click();
  await page.getByLabel("Verified by").selectOption("signature");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page.getByRole("button", { name: "Filters (1 on)" })).toBeVisible();
  await expect(row).toContainText("1 ok, 1 failed");
});
