import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { findIntegration } from "../db/queries/integrations";
import { integrations } from "../db/schema";
import { e2eDb } from "./support/db";
import { createTestIntegration } from "./support/integrations";
import { ADMIN, signIn } from "./support/login";

/** Every stored setting except the ones a save always touches. */
async function storedSettings(id: string) {
  const {
    updatedAt: _a,
    updatedBy: _b,
    settingsVersion: _c,
    ...rest
  } = (await findIntegration(e2eDb().db, id))!;
  return rest;
}

test("[settings] admin turns on sync on completion with a 30-second wait and resend on update, and the rest stays", async ({
  page,
}) => {
  const name = `E2E when to send ${Date.now().toString(36)}`;
  const id = await createTestIntegration({
    name,
    secrets: { apiKey: "e2e-api-key-0001" },
    scheduleCron: "*/5 * * * *",
    concurrency: 8,
  });
  // Paused, so the completions other tests write start no runs of it.
  await e2eDb().db.update(integrations).set({ status: "paused" }).where(eq(integrations.id, id));
  const before = await storedSettings(id);
  expect(before).toMatchObject({ syncOnCompletion: false, syncDebounceSeconds: 10, resendOnUpdate: false });

  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}`);
  await page.getByLabel("Sync on completion").check();
  const wait = page.getByLabel("Wait before that run (seconds)");
  await wait.fill("0");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("At least 1 second")).toBeVisible();
  expect(await storedSettings(id)).toEqual(before);

  await wait.fill("30");
  await page.getByLabel("Resend on update").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("form-status")).toHaveText("Saved.");
  expect(await storedSettings(id)).toEqual({
    ...before,
    syncOnCompletion: true,
    syncDebounceSeconds: 30,
    resendOnUpdate: true,
  });

  await page.reload();
  await expect(page.getByLabel("Sync on completion")).toBeChecked();
  await expect(page.getByLabel("Wait before that run (seconds)")).toHaveValue("30");
  await expect(page.getByLabel("Resend on update")).toBeChecked();
  await page.goto("/integrations");
  await expect(
    page.getByTestId("integration-row").filter({ hasText: name }).getByTestId("when-to-send"),
  ).toHaveText("and 30 s after a new completion; resends changed completions");
});
