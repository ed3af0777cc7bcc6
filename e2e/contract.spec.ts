import { expect, test } from "@playwright/test";
import { schemaFromMapping } from "../lib/contract/generate-schema";
import { STANDARD_MAPPING } from "../lib/mapping/standard-mapping";
import { createTestIntegration, syncFootprint } from "./support/integrations";
import { ADMIN, signIn } from "./support/login";

// The editor's three columns need a wide screen.
test.use({ viewport: { width: 1400, height: 1000 } });

test("[contract] a payload that breaks the schema shows the error at its key", async ({ page }) => {
  const id = await createTestIntegration({
    name: `Contract ${Date.now()}`,
    secrets: { apiKey: process.env.DEMO_RECEIVER_API_KEY! },
    receiverSchema: schemaFromMapping(STANDARD_MAPPING),
    validateBeforeSending: true,
  });
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}/mapping`);
  await page.getByLabel("Find a learner").fill("anne@company");
  await page.getByRole("option", { name: /anne@company\.com/ }).click();
  const status = page.getByTestId("contract-status");
  await expect(status).toHaveText(/Fits the receiver's JSON Schema/);

  // The admin types a transform that turns the e-mail into a list: the preview says so at the key.
  const employeeRow = page.locator('[data-testid="key-row"][data-key="employeeId"]');
  const chain = employeeRow.getByLabel("Transforms of employeeId");
  await chain.fill("split:@");
  await chain.press("Escape");
  await expect(status).toContainText("Breaks the receiver's schema");
  await expect(status).toContainText("A run would not send this payload");
  const issue = status.getByTestId("schema-issue");
  await expect(issue).toHaveCount(1);
  await expect(issue.locator("code")).toHaveText("employeeId");
  await expect(issue).toContainText('must be a string (got ["anne","company.com"])');
  // And on the key's row, under its transforms, as the mapping's own warnings are.
  await expect(employeeRow).toContainText(
    'Receiver\'s schema: employeeId must be a string (got ["anne","company.com"])',
  );

  // Fixed, it fits again; broken again, Test with user (which sends the unsaved mapping) reports it and sends nothing.
  await chain.fill("");
  await expect(status).toHaveText(/Fits the receiver's JSON Schema/);
  await chain.fill("split:@");
  await chain.press("Escape");
  await expect(status.getByTestId("schema-issue")).toHaveCount(1);
  page.once("dialog", (dialog) => void dialog.accept()); // the unsaved-changes guard asks before leaving
  await page.getByRole("link", { name: "Test", exact: true }).click();
  await page.getByLabel("User names or e-mails").fill("anne");
  await page.getByLabel("User names or e-mails").press("Escape");
  await page.getByLabel("Completions per learner").selectOption("1");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByTestId("test-summary")).toContainText(
    "1 breaks the receiver's schema (1 not sent)",
    {
      timeout: 30_000,
    },
  );
  const group = page.getByTestId("outcome-group");
  await expect(group).toContainText("Not sent: the payload breaks the receiver's schema");
  await expect(group).toContainText('employeeId: must be a string (got ["anne","company.com"])');
  await expect(page.getByTestId("exchange")).toContainText("not sent");
  expect(await syncFootprint(id)).toEqual({ log: 0, deliveries: 0, runs: 0 });

  // The contract itself is on the settings page: the schema and the switch, as saved.
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  const card = page.getByTestId("contract-card");
  await expect(card.getByLabel("JSON Schema")).toHaveValue(/"employeeId": \{\s*"type": "string"/);
  await expect(card.getByLabel(/Validate before sending/)).toBeChecked();
});
