import { expect, test } from "@playwright/test";
import { createApiToken } from "../lib/auth/api-tokens";
import { e2eDb } from "./support/db";
import { ADMIN, signIn, VIEWER } from "./support/login";

test("[auth] a logged-out visitor is sent to the login page", async ({ page }) => {
  await page.goto("/integrations");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to LMS Sync" })).toBeVisible();
});

test("[auth] admin logs in and sees the demo integration", async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/integrations$/);
  const row = page.getByTestId("integration-row").filter({ hasText: "Demo HR system" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("/api/demo-receiver");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("every 5 minutes");
});

test("[auth] a wrong password is refused", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("[auth] admin signs out and is logged out", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/integrations");
  await expect(page).toHaveURL(/\/login/);
});

test("[api] a logged-out API call gets 401 JSON", async ({ request }) => {
  const r = await request.get("/api/integrations");
  expect(r.status()).toBe(401);
  expect((await r.json()).error.code).toBe("unauthorized");
});

test("[api] health answers without login and says the database is up", async ({ request }) => {
  const r = await request.get("/api/health");
  expect(r.status()).toBe(200);
  expect(await r.json()).toEqual({ ok: true, db: "up" });
});

test("[roles] a viewer gets 403 on an admin-only API route but can read", async ({ page }) => {
  await signIn(page, VIEWER);
  const read = await page.request.get("/api/integrations");
  expect(read.status()).toBe(200);
  const create = await page.request.post("/api/integrations", {
    data: { name: "x", endpointUrl: "https://hr.example.com/x", authType: "none" },
  });
  expect(create.status()).toBe(403);
  expect((await create.json()).error.code).toBe("forbidden");
});

test("[api] an API token works as its user's role", async ({ playwright }) => {
  const made = await createApiToken(e2eDb().db, ADMIN.email, "e2e");
  if (!made.ok) throw new Error(made.error);
  const api = await playwright.request.newContext({
    baseURL: process.env.E2E_BASE_URL,
    extraHTTPHeaders: { authorization: `Bearer ${made.token}` },
  });
  const list = await api.get("/api/integrations");
  expect(list.status()).toBe(200);
  const body = await list.json();
  expect(body.integrations.map((i: { name: string }) => i.name)).toContain("Demo HR system");
  expect(JSON.stringify(body)).not.toContain(process.env.DEMO_RECEIVER_API_KEY);

  const bad = await api.post("/api/integrations", { data: { name: "" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.details.length).toBeGreaterThan(0);

  const wrong = await playwright.request.newContext({
    baseURL: process.env.E2E_BASE_URL,
    extraHTTPHeaders: { authorization: "Bearer lms_not-a-real-token" },
  });
  expect((await wrong.get("/api/integrations")).status()).toBe(401);
  await api.dispose();
  await wrong.dispose();
});

test("[demo] the demo receiver keeps what it is sent and refuses a wrong key", async ({ page, request }) => {
  const key = process.env.DEMO_RECEIVER_API_KEY!;
  const refused = await request.post("/api/demo-receiver", {
    data: { a: 1 },
    headers: { "x-api-key": "wrong" },
  });
  expect(refused.status()).toBe(401);
  const ok = await request.post("/api/demo-receiver", {
    data: { employeeId: "e2e@company.com", status: "passed" },
    headers: { "x-api-key": key, "idempotency-key": "e2e-key-1" },
  });
  expect(ok.status()).toBe(202);
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Demo receiver" }).click();
  await expect(page.getByText("e2e@company.com")).toBeVisible();
  await expect(page.getByText("e2e-key-1")).toBeVisible();
});

test("[security] every page and API reply carries the security headers", async ({ request }) => {
  for (const path of ["/login", "/api/health", "/api/openapi.json"]) {
    const r = await request.get(path);
    const h = r.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).not.toContain("unsafe-eval");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("same-origin");
    // The e2e app runs on http://localhost: no HSTS there.
    expect(h["strict-transport-security"], path).toBeUndefined();
  }
});
