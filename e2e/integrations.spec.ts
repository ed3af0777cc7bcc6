import { expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { integrations } from "../db/schema";
import { createCa, issueCertificate, toPfxBase64 } from "../lib/delivery/test-support/pki";
import { createIntegration } from "../lib/integrations/create-integration";
import { createIntegrationSchema } from "../lib/integrations/schemas";
import { e2eDb } from "./support/db";
import { ADMIN, signIn } from "./support/login";

const DAY_MS = 86_400_000;
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}`;

async function seedIntegration(name: string) {
  const input = createIntegrationSchema.parse({
    name,
    endpointUrl: `${process.env.E2E_BASE_URL}/api/demo-receiver`,
    authType: "api_key",
    authConfig: { headerName: "X-API-Key" },
    secrets: { apiKey: process.env.DEMO_RECEIVER_API_KEY },
  });
  return createIntegration(e2eDb().db, input, null);
}

function row(page: Page, name: string) {
  return page.getByTestId("integration-row").filter({ hasText: name });
}

test("[integrations] admin creates an API-key integration against the demo receiver", async ({ page }) => {
  const name = unique("E2E demo receiver");
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "New integration" }).first().click();
  await expect(page.getByRole("heading", { name: "New integration" })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Endpoint URL").fill(`${process.env.E2E_BASE_URL}/api/demo-receiver`);
  await expect(page.getByLabel("Method")).toHaveValue("api_key");
  await expect(page.getByLabel("Header name")).toHaveValue("X-API-Key");
  await page.getByLabel("API key", { exact: true }).fill(process.env.DEMO_RECEIVER_API_KEY!);
  await page.getByLabel("Cron expression").fill("*/5 * * * *");
  await expect(page.getByTestId("schedule-text")).toContainText("every 5 minutes");
  await expect(page.getByTestId("next-runs").getByRole("listitem")).toHaveCount(3);
  await expect(page.getByTestId("retry-summary")).toHaveText("1 min, 5 min, 30 min");
  await page.getByRole("button", { name: "Create integration" }).click();

  await expect(page).toHaveURL(/\/integrations\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Integration created.")).toBeVisible();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("secret-apiKey")).toContainText("set");
  await expect(page.getByTestId("secret-apiKey")).toContainText("changed just now");

  await page.getByRole("link", { name: "← Integrations" }).click();
  const created = row(page, name);
  await expect(created).toContainText("/api/demo-receiver");
  await expect(created).toContainText("Active");
  await expect(created).toContainText("every 5 minutes");
  await expect(created.getByTestId("daily-chart")).toHaveAccessibleName(
    /Last 30 days: 0 delivered, 0 failed/,
  );
  await created.getByRole("button", { name: `Run now: ${name}` }).click();
  await expect(created.getByRole("status")).toContainText("Run queued");

  const [stored] = await e2eDb().db.select().from(integrations).where(eq(integrations.name, name));
  expect(stored?.authConfig).toEqual({ headerName: "X-API-Key" });
  expect(stored?.scheduleCron).toBe("*/5 * * * *");
  expect(JSON.stringify(stored?.secrets)).not.toContain(process.env.DEMO_RECEIVER_API_KEY);
});

test("[integrations] admin pauses and enables an integration from the list", async ({ page }) => {
  const name = unique("E2E pause");
  const seeded = await seedIntegration(name);
  await signIn(page, ADMIN);
  const r = row(page, name);
  await expect(r).toContainText("Active");

  await r.getByRole("button", { name: `Pause ${name}` }).click();
  await expect(r).toContainText("Paused");
  await expect(r.getByRole("status")).toContainText("Paused: nothing is sent");
  await expect(r.getByRole("button", { name: `Run now: ${name}` })).toBeDisabled();
  const paused = await e2eDb().db.query.integrations.findFirst({ where: eq(integrations.id, seeded.id) });
  expect(paused?.status).toBe("paused");

  await r.getByRole("button", { name: `Enable ${name}` }).click();
  await expect(r).toContainText("Active");
  await expect(r.getByRole("button", { name: `Pause ${name}` })).toBeVisible();
  const enabled = await e2eDb().db.query.integrations.findFirst({ where: eq(integrations.id, seeded.id) });
  expect(enabled?.status).toBe("active");
});

test("[integrations] a bad URL shows its message next to the field and nothing is saved", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/integrations/new");
  const endpoint = page.getByLabel("Endpoint URL");
  await endpoint.fill("hr.example.com/in");
  await endpoint.blur();
  await expect(endpoint).toHaveAttribute("aria-invalid", "true");
  await expect(endpoint).toHaveAccessibleDescription(/Enter a full URL, such as https:\/\//);

  await page.getByRole("button", { name: "Create integration" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(
    /Give the integration a name/,
  );
  await expect(page.getByLabel("API key", { exact: true })).toHaveAccessibleDescription(/Enter the API key/);
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention" })).toBeVisible();
  await expect(page).toHaveURL(/\/integrations\/new$/);

  await endpoint.fill("https://hr.example.com/in");
  await endpoint.blur();
  await expect(endpoint).not.toHaveAttribute("aria-invalid", "true");
});

test("[integrations] admin uploads a client certificate, sees its subject and a near expiry, and a wrong passphrase on the field", async ({
  page,
}) => {
  const name = unique("E2E mTLS");
  const ca = createCa("E2E Test CA");
  const client = issueCertificate(ca, {
    commonName: "lms-sync-e2e",
    kind: "client",
    notAfter: new Date(Date.now() + 10 * DAY_MS),
  });
  const pfx = Buffer.from(toPfxBase64(client, "right-pass"), "base64");

  await signIn(page, ADMIN);
  await page.goto("/integrations/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Endpoint URL").fill("https://hr.example.com/in");
  await page.getByLabel("Method").selectOption("client_cert");
  await page.getByLabel("Certificate file (.pfx/.p12)").setInputFiles({
    name: "client.pfx",
    mimeType: "application/x-pkcs12",
    buffer: pfx,
  });
  await page.getByLabel("Passphrase", { exact: true }).fill("wrong-pass");
  await page.getByRole("button", { name: "Create integration" }).click();
  await expect(page.getByLabel("Certificate file (.pfx/.p12)")).toHaveAccessibleDescription(/passphrase/i);
  await expect(page).toHaveURL(/\/integrations\/new$/);

  await page.getByLabel("Passphrase", { exact: true }).fill("right-pass");
  await page.getByRole("button", { name: "Check certificate" }).click();
  const preview = page.getByTestId("certificate-details");
  await expect(preview).toContainText("CN=lms-sync-e2e");
  await expect(preview).toContainText("CN=E2E Test CA");
  await expect(preview).toContainText(/expires in (9|10) days/);

  await page.getByRole("button", { name: "Create integration" }).click();
  await expect(page).toHaveURL(/\/integrations\/[0-9a-f-]{36}$/);
  const current = page.getByTestId("certificate-details");
  await expect(current).toContainText("Current certificate");
  await expect(current).toContainText("CN=lms-sync-e2e");
  await expect(current).toContainText(/expires in (9|10) days/);
});

test("[integrations] admin changes a setting, is asked before leaving unsaved, and saves", async ({
  page,
}) => {
  const name = unique("E2E edit");
  const seeded = await seedIntegration(name);
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${seeded.id}`);
  await page.getByLabel("Timeout (seconds)").fill("12");
  await expect(page.getByTestId("form-status")).toHaveText("Unsaved changes");

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("unsaved changes");
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "Payload mapping" }).click();
  await expect(page).toHaveURL(new RegExp(`/integrations/${seeded.id}$`));

  // The browser's Back button asks too; staying keeps the edit.
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.evaluate(() => window.history.back());
  await expect.poll(() => asked).toContain("unsaved changes");
  await expect(page).toHaveURL(new RegExp(`/integrations/${seeded.id}$`));
  await expect(page.getByLabel("Timeout (seconds)")).toHaveValue("12");

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("form-status")).toHaveText("Saved.");
  const saved = await e2eDb().db.query.integrations.findFirst({ where: eq(integrations.id, seeded.id) });
  expect(saved?.timeoutMs).toBe(12_000);
  await page.getByRole("link", { name: "Payload mapping" }).click();
  await expect(page).toHaveURL(/\/mapping$/);
});

test("[integrations] Back with unsaved settings leaves once confirmed, and after saving leaves without asking", async ({
  page,
}) => {
  const seeded = await seedIntegration(unique("E2E back"));
  await signIn(page, ADMIN);
  await page.goto("/integrations");
  await row(page, seeded.name).getByRole("link", { name: seeded.name }).click();
  await expect(page).toHaveURL(new RegExp(`/integrations/${seeded.id}$`));

  // Saved: one Back leaves, and nothing asks.
  await page.getByLabel("Timeout (seconds)").fill("14");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("form-status")).toHaveText("Saved.");
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.accept();
  });
  await page.evaluate(() => window.history.back());
  await expect(page).toHaveURL(/\/integrations$/);
  expect(dialogs).toBe(0);

  // Unsaved: Back asks, and leaves once confirmed.
  await row(page, seeded.name).getByRole("link", { name: seeded.name }).click();
  await page.getByLabel("Timeout (seconds)").fill("16");
  await expect(page.getByTestId("form-status")).toHaveText("Unsaved changes");
  await page.evaluate(() => window.history.back());
  await expect(page).toHaveURL(/\/integrations$/);
  expect(dialogs).toBe(1);
  const kept = await e2eDb().db.query.integrations.findFirst({ where: eq(integrations.id, seeded.id) });
  expect(kept?.timeoutMs).toBe(14_000);
});

test("[integrations] admin deletes an integration after confirming", async ({ page }) => {
  const name = unique("E2E delete");
  const seeded = await seedIntegration(name);
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${seeded.id}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Delete “${name}”?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete integration" }).click();
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(row(page, name)).toHaveCount(0);
  const gone = await e2eDb().db.query.integrations.findFirst({ where: eq(integrations.id, seeded.id) });
  expect(gone).toBeUndefined();
});

test("[integrations] the settings form and the contract card save one after the other without losing or refusing either", async ({
  page,
}) => {
  const seeded = await seedIntegration(unique("E2E two cards"));
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${seeded.id}`);
  const schema = page.getByLabel("JSON Schema");
  const pasted = JSON.stringify({ type: "object", required: ["employeeId"] }, null, 2);

  // A schema pasted but not yet saved survives a save of the settings above it.
  await schema.fill(pasted);
  await page.getByLabel("Timeout (seconds)").fill("14");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("form-status")).toHaveText("Saved.");
  await expect(schema).toHaveValue(pasted);

  // Saved next, the card's save does not make the settings' next save a conflict with oneself.
  await page.getByRole("button", { name: "Save contract" }).click();
  await expect(page.getByRole("button", { name: "Save contract" })).toBeDisabled();
  await page.getByLabel("Timeout (seconds)").fill("16");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("form-status")).toHaveText("Saved.");
  const saved = await e2eDb().db.query.integrations.findFirst({ where: eq(integrations.id, seeded.id) });
  expect(saved?.timeoutMs).toBe(16_000);
  expect(saved?.receiverSchema).toEqual({ type: "object", required: ["employeeId"] });
});
