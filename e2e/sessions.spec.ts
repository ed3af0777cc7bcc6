import { type Browser, expect, type Page, test } from "@playwright/test";
import { insertAppUser } from "../db/queries/app-users";
import { hashPassword } from "../lib/auth/password";
import { changeUser, type UserChange } from "../lib/auth/users";
import { e2eDb } from "./support/db";
import { demoIntegrationId } from "./support/integrations";
import { ADMIN, signIn } from "./support/login";

/** A fresh admin of the test's own, so changing the account leaves the demo logins alone. */
async function freshAdmin(label: string) {
  const account = {
    email: `${label}-${Date.now().toString(36)}@e2e.test`,
    password: `pw-${label}-0123456789`,
  };
  await insertAppUser(e2eDb().db, {
    email: account.email,
    name: `E2E ${label}`,
    role: "admin",
    passwordHash: await hashPassword(account.password),
  });
  return account;
}

/** What the old cookie can still do: read the list, and pause an integration. */
async function whatTheCookieCanDo(page: Page) {
  const id = await demoIntegrationId();
  const read = await page.request.get("/api/integrations");
  const pause = await page.request.post(`/api/integrations/${id}/pause`, {
    data: {},
    headers: { origin: new URL(page.url()).origin },
  });
  return { read: read.status(), pause: pause.status() };
}

test("[sessions] after sign-out the old session cookie opens nothing", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Someone who copied the cookie before sign-out replays it.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/integrations");
  await expect(replayPage).toHaveURL(/\/login/);
  expect(await whatTheCookieCanDo(replayPage)).toEqual({ read: 401, pause: 401 });
  await replay.close();
});

async function signedInAs(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

for (const [name, change] of [
  ["demoted to viewer", { kind: "role", role: "viewer" }],
  ["disabled", { kind: "disable" }],
  ["deleted", { kind: "delete" }],
] as [string, UserChange][]) {
  test(`[sessions] an admin ${name} while signed in can do nothing more with that session`, async ({
    browser,
  }) => {
    const account = await freshAdmin(change.kind);
    const page = await signedInAs(browser, account);
    await expect(page.getByTestId("signed-in-user")).toContainText("admin");
    expect((await whatTheCookieCanDo(page)).read).toBe(200);

    expect((await changeUser(e2eDb().db, account.email, change, null)).ok).toBe(true);
    expect(await whatTheCookieCanDo(page)).toEqual({ read: 401, pause: 401 });
    await page.reload();
    await expect(page).toHaveURL(/\/login/);
    await page.context().close();
  });
}

test("[login] the sixth wrong password for an account is refused for 15 minutes, the right one too", async ({
  page,
}) => {
  const account = await freshAdmin("guess");
  await page.goto("/login");
  const attempt = async (password: string) => {
    await page.getByLabel("E-mail").fill(account.email);
    await page.getByLabel("Password").fill(password);
    const answer = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    return answer;
  };
  for (let i = 0; i < 5; i++) {
    expect((await attempt(`wrong-${i}`)).status()).toBe(401);
    await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("Wrong e-mail or password.");
  }
  const refused = await attempt(account.password);
  expect(refused.status()).toBe(429);
  expect(Number(await refused.headerValue("retry-after"))).toBeGreaterThan(14 * 60);
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(
    "Too many failed sign-ins. Try again in 15 minutes.",
  );
  await expect(page).toHaveURL(/\/login/);
});
