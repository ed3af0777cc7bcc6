import { expect, test } from "@playwright/test";
import { signIn, VIEWER } from "./support/login";

const PATCH = "PATCH /api/integrations/{id}";

test("[api] a viewer opens the API page and reads the PATCH /api/integrations/{id} contract", async ({
  page,
  request,
}) => {
  await signIn(page, VIEWER);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "API", exact: true })
    .click();
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page.getByRole("heading", { name: "API", level: 1 })).toBeVisible();

  const path = page.getByRole("region", { name: "/api/integrations/{id}", exact: true });
  await path.getByText("Change an integration").click();
  const patch = page.getByRole("article", { name: PATCH });
  await expect(patch).toContainText("Needs the admin role");
  const body = patch.getByRole("table", { name: `${PATCH} request` });
  await expect(body.getByRole("row", { name: /^version/ })).toContainText("integer");
  await expect(body.getByRole("row", { name: /^secrets\.clientCertPfx/ })).toContainText("base64");
  await expect(patch.getByRole("list", { name: `${PATCH} errors` })).toContainText("Someone saved since");
  await expect(patch.getByRole("table", { name: `${PATCH} error 409` })).toContainText("currentVersion");
  await expect(patch.getByRole("figure", { name: `${PATCH} example request` })).toContainText('"version": 7');

  // The same document, for tools, needs no session.
  const document = await request.get("/api/openapi.json");
  expect(document.status()).toBe(200);
  expect((await document.json()).paths["/api/integrations/{id}"].patch["x-role"]).toBe("admin");
});
