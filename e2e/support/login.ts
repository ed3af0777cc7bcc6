import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../lib/demo/accounts";

export const ADMIN = DEMO_ACCOUNTS[0];
export const VIEWER = DEMO_ACCOUNTS[1];

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(account.email);
}
