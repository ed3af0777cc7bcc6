import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { demoIntegrationId } from "./support/integrations";
import { signIn, VIEWER } from "./support/login";

test("[handout] a viewer opens the demo integration's Handout for IT and downloads the PDF and the Node starter", async ({
  page,
}) => {
  const id = await demoIntegrationId();
  await signIn(page, VIEWER);
  await page.goto(`/integrations/${id}`);
  await page.getByRole("link", { name: "Handout for IT" }).click();
  await expect(page).toHaveURL(new RegExp(`/integrations/${id}/handout$`));
  await expect(page.getByTestId("handout-endpoint")).toContainText("/api/demo-receiver");
  await expect(page.getByTestId("handout-addresses")).toContainText("OUTBOUND_IPS");
  await expect(page.getByTestId("handout-payload")).toContainText("alex.example@example.com");

  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download PDF" }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe("demo-hr-system-handout.pdf");
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");

  const [starter] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Node (receiver.mjs)" }).click(),
  ]);
  expect(starter.suggestedFilename()).toBe("demo-hr-system-receiver.mjs");
  expect(readFileSync((await starter.path())!, "utf8")).toContain('"integration": "Demo HR system"');
});
