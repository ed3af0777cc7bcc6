import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { syncRuns } from "../db/schema";
import { runSync } from "../lib/sync/run-sync";
import { e2eDb } from "./support/db";
import { createTestIntegration } from "./support/integrations";
import { ADMIN, signIn } from "./support/login";
import { startReceiver } from "./support/receiver";

const count = (n: number) => n.toLocaleString("en-US");

test("[runs] Run now shows the run to its end", async ({ page }) => {
  // The first five answered at once (the third with a 400), the rest held until released.
  const receiver = await startReceiver(
    (n) =>
      n === 3
        ? { status: 400, body: '{"error":"bad"}', contentType: "application/json" }
        : { status: 200, body: "{}", contentType: "application/json" },
    { answerFirst: 5 },
  );
  const name = `Runs ${Date.now().toString(36)}`;
  const id = await createTestIntegration({
    name,
    endpointUrl: receiver.url,
    secrets: { apiKey: "e2e-runs-key-0123456789" },
    failureThreshold: 1000,
    concurrency: 1,
  });
  // The button's name says the integration's ("Run now: <name>").
  const runNow = page.getByRole("button", { name: new RegExp(`^Run (now: )?${name}`) });
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}`);
  await runNow.click();
  const result = page.getByTestId("run-result");
  await expect(result).toContainText("Run queued");
  await expect(runNow).toBeDisabled();

  // The worker's part: the e2e stack runs none, so the test starts the queued run as the sync job would.
  const [queued] = await e2eDb()
    .db.select()
    .from(syncRuns)
    .where(and(eq(syncRuns.integrationId, id), eq(syncRuns.status, "queued")));
  expect(queued).toBeDefined();
  const job = runSync(e2eDb().db, id, "manual", { queuedRunId: queued!.id });

  await expect(result).toHaveText("Running: 5 sent, 4 accepted, 1 failed (1 to retry) so far…");

  receiver.release();
  const summary = await job;
  await receiver.close();
  expect(summary).toMatchObject({ ran: true, runId: queued!.id, status: "completed" });
  const sent = receiver.requests();
  expect(sent).toBeGreaterThan(5);
  await expect(result).toHaveText(
    `Done: ${count(sent)} sent, ${count(sent - 1)} accepted, 1 failed (1 to retry). Open the log`,
  );
  await expect(runNow).toBeEnabled();

  await result.getByRole("link", { name: "Open the log" }).click();
  await expect(page).toHaveURL(new RegExp(`/integrations/${id}/log\\?runId=${queued!.id}`));
  await expect(page.getByTestId("run-filter")).toContainText(`run #${queued!.id}`);
  await expect(page.getByTestId("log-table").locator("tbody tr")).toHaveCount(Math.min(sent, 50));
  // The refused attempt says what kind of failure it was in the list, and its cause and fix first in its entry.
  await page.goto(`/integrations/${id}/log?runId=${queued!.id}&outcome=failure`);
  await expect(page.getByTestId("log-table").locator("tbody tr")).toHaveCount(1);
  const refused = page
    .getByTestId("log-table")
    .locator("tbody tr", { has: page.getByTestId("diagnosis-label") });
  await refused.scrollIntoViewIfNeeded();
  await expect(refused.getByTestId("diagnosis-label")).toHaveText("Payload rejected:");
  await refused.getByRole("button").first().click();
  const diagnosis = page.getByRole("complementary", { name: "Log entry" }).getByTestId("diagnosis");
  await expect(diagnosis).toHaveAttribute("data-class", "payload_rejected");
  await expect(diagnosis).toContainText("Open Test with user");

  await page.getByRole("link", { name: "Runs" }).click();
  const row = page.locator(`[data-testid="run-row"][data-run-id="${queued!.id}"]`);
  await expect(row).toContainText("Run now");
  await expect(row).toContainText("completed");
  await expect(row.locator("td").nth(4)).toHaveText(count(sent));
  await expect(row.locator("td").nth(5)).toHaveText(count(sent - 1));
});

test("[run] nothing due says so", async ({ page }) => {
  const name = `Nothing due ${Date.now().toString(36)}`;
  // Sends only what is recorded from now on: the demo's completions are all older, so nothing is waiting.
  const id = await createTestIntegration({
    name,
    secrets: { apiKey: process.env.DEMO_RECEIVER_API_KEY! },
    sendFrom: new Date(),
  });
  await signIn(page, ADMIN);
  await page.goto(`/integrations/${id}`);
  await page.getByRole("button", { name: `Run now: ${name}` }).click();
  const result = page.getByTestId("run-result");
  await expect(result).toContainText("Run queued");
  const [queued] = await e2eDb()
    .db.select()
    .from(syncRuns)
    .where(and(eq(syncRuns.integrationId, id), eq(syncRuns.status, "queued")));
  const summary = await runSync(e2eDb().db, id, "manual", { queuedRunId: queued!.id });
  expect(summary).toMatchObject({ ran: true, sent: 0 });
  await expect(result).toHaveText(/^Nothing was due: every completion since .+ has been sent\.$/);
});
