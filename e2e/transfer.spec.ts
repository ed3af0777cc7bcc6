import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findIntegration } from "../db/queries/integrations";
import { decryptSecrets } from "../lib/integrations/secrets";
import { DOCUMENT_SETTING_KEYS } from "../lib/integrations/transfer-schemas";
import { e2eDb } from "./support/db";
import { createTestIntegration } from "./support/integrations";
import { ADMIN, signIn } from "./support/login";

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}`;
const API_KEY = "transfer-api-key-0042";
const TENANT = "transfer-tenant-value-0042";

async function settingsOf(id: string) {
  const row = (await findIntegration(e2eDb().db, id))!;
  const plain = decryptSecrets(row.secrets);
  if (!plain.ok) throw new Error(plain.error);
  const settings = Object.fromEntries(
    DOCUMENT_SETTING_KEYS.map((k) => [k, (row as Record<string, unknown>)[k]]),
  );
  return { settings, secrets: plain.secrets };
}

test("[transfer] an admin exports an integration, imports the file with its secrets, and gets the same settings", async ({
  page,
}) => {
  const name = unique("E2E transfer");
  const id = await createTestIntegration({
    name,
    secrets: { apiKey: API_KEY },
    secretHeaders: { "X-Tenant-Key": TENANT },
    customHeaders: { "X-Region": "eu" },
    scheduleCron: "15 3 * * 1-5",
    scheduleTimeZone: "Europe/Copenhagen",
    retrySchedule: [30, 900],
    mapping: [{ key: "who", source: "user.email" }],
  });
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export" }).click(),
  ]);
  const file = path.join(os.tmpdir(), `transfer-${Date.now()}.json`);
  await download.saveAs(file);
  const text = readFileSync(file, "utf8");
  for (const secret of [API_KEY, TENANT]) expect(text).not.toContain(secret);

  // A broken copy of the file is refused on the page, each problem at its place in the file.
  const broken = path.join(os.tmpdir(), `transfer-broken-${Date.now()}.json`);
  const doc = JSON.parse(text);
  writeFileSync(broken, JSON.stringify({ ...doc, integration: { ...doc.integration, timeoutMs: 5 } }));
  await page.goto("/integrations");
  await page.getByRole("link", { name: "Import from file" }).click();
  await page.getByLabel("Exported file (.json)").setInputFiles(broken);
  await expect(page.getByTestId("import-problems")).toContainText("$.integration.timeoutMs");

  await page.getByLabel("Exported file (.json)").setInputFiles(file);
  await expect(page.getByTestId("import-summary")).toContainText("1 keys");
  await page.getByLabel("Name").fill(`${name} copy`);
  await page.getByRole("button", { name: "Create integration" }).click();
  await expect(page.getByTestId("import-problems")).toContainText("secrets.apiKey");
  await page.getByLabel("API key").fill(API_KEY);
  await page.getByLabel("secret header X-Tenant-Key").fill(TENANT);
  await page.getByRole("button", { name: "Create integration" }).click();
  await page.waitForURL(/\/integrations\/[0-9a-f-]{36}$/);
  const copyId = page.url().split("/").pop()!;
  expect(copyId).not.toBe(id);

  const [original, copy] = [await settingsOf(id), await settingsOf(copyId)];
  expect(copy.settings).toEqual({ ...original.settings, name: `${name} copy` });
  expect(copy.secrets).toEqual(original.secrets);
});

test("[signing] an admin turns on request signing, sees the secret once, and rotates it with an overlap", async ({
  page,
}) => {
  const id = await createTestIntegration({ name: unique("E2E signing"), secrets: { apiKey: API_KEY } });
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}`);
  const card = page.getByTestId("signing-card");
  await expect(card.getByTestId("signing-state")).toHaveText("Off: requests are not signed.");
  await card.getByRole("button", { name: "Turn on signing" }).click();
  const first = (await card.getByTestId("signing-secret").textContent())!;
  expect(first).toMatch(/^whsec_/);
  await card.getByRole("button", { name: "I have stored it" }).click();
  await expect(card.getByTestId("signing-secrets")).toContainText("current");

  await card.getByLabel("Old secret keeps signing for (hours)").fill("48");
  await card.getByRole("button", { name: "Rotate signing secret" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Rotate" }).click();
  const second = (await card.getByTestId("signing-secret").textContent())!;
  expect(second).toMatch(/^whsec_/);
  expect(second).not.toBe(first);
  await card.getByRole("button", { name: "I have stored it" }).click();
  await expect(card.getByTestId("signing-secrets").getByRole("listitem")).toHaveCount(2);
  await expect(card.getByTestId("signing-secrets")).toContainText("previous, still signs until");

  await page.reload();
  await expect(card.getByTestId("signing-state")).toHaveText("On: every request is signed.");
  const html = await page.content();
  for (const secret of [first, second]) expect(html).not.toContain(secret.slice(6));
});
