import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { runSync } from "../lib/sync/run-sync";
import { e2eDb } from "./support/db";
import { createTestIntegration } from "./support/integrations";
import { ADMIN, signIn } from "./support/login";

// Secrets with the characters that change between encodings.
const API_KEY = `k"ey\\with-quotes/+=${Date.now().toString(36)}`;
const TENANT = `tenant-secret-${Date.now().toString(36)}-42`;

/** Every form either secret could come back in from a receiver. */
const FORMS = [API_KEY, TENANT].flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)]);

function leaks(text: string): string[] {
  return FORMS.filter((f) => text.includes(f) || text.includes(JSON.stringify(f).slice(1, -1)));
}

/**
 * A careless receiver: it echoes the credentials back in every way it can: URL-encoded in a header, in a redirect,
 * JSON-escaped in error bodies, beside a NUL byte. After three failures in a row the integration is disabled.
 */
async function startEchoingReceiver() {
  let n = 0;
  const server = http.createServer((req, res) => {
    const key = String(req.headers["x-api-key"] ?? "");
    const tenant = String(req.headers["x-tenant-key"] ?? "");
    req.resume();
    n += 1;
    if (req.method !== "POST" || n === 1) {
      res.writeHead(200, { "x-echo": encodeURIComponent(key) }).end(`ok\u0000 ${JSON.stringify({ key })}`);
    } else if (n === 2) {
      res.writeHead(302, { location: `https://hr.example.com/landing?k=${encodeURIComponent(key)}` }).end();
    } else {
      res
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ error: `bad key ${key} for tenant ${tenant}` }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/in`,
    count: () => n,
    close: () => new Promise((r) => server.close(r)),
  };
}

test("[secrets] after a full run against an echoing receiver, no page, API reply, download or table holds a secret", async ({
  page,
}) => {
  const receiver = await startEchoingReceiver();
  try {
    const id = await createTestIntegration({
      name: `Echoing receiver ${Date.now().toString(36)}`,
      endpointUrl: receiver.url,
      secrets: { apiKey: API_KEY },
      secretHeaders: { "X-Tenant-Key": TENANT },
      failureThreshold: 3,
      concurrency: 1,
    });
    const run = await runSync(e2eDb().db, id, "manual");
    expect(run).toMatchObject({ ran: true, sent: 4, succeeded: 1, stopReason: "auto_disabled" });
    const logged = await e2eDb().sql<
      { n: number }[]
    >`select count(*)::int as n from sync_log where integration_id = ${id}`;
    expect(logged[0]!.n).toBe(receiver.count());

    const seen: Promise<string[]>[] = [];
    page.on("response", (r) => {
      seen.push(
        r
          .text()
          .then((body) => leaks(body).map((f) => `${r.request().method()} ${r.url()} holds ${f}`))
          .catch(() => []),
      );
    });
    await signIn(page, ADMIN);
    for (const path of [
      "/integrations",
      `/integrations/${id}`,
      `/integrations/${id}/log`,
      `/integrations/${id}/handout`,
      "/notifications",
    ]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(leaks(await page.content()), path).toEqual([]);
    }
    await page.goto(`/integrations/${id}/log`);
    const rows = page.getByTestId("log-table").locator("tbody tr");
    await expect(rows).toHaveCount(4);
    for (let i = 0; i < 4; i++) {
      await rows.nth(i).getByRole("button").first().click();
      await expect(
        page.getByRole("complementary", { name: "Log entry" }).getByLabel("curl command"),
      ).toBeVisible();
      expect(leaks(await page.content()), `entry ${i}`).toEqual([]);
    }
    await page.goto(`/integrations/${id}/test`);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByTestId("connection-result").getByTestId("http-status")).toBeVisible({
      timeout: 30_000,
    });
    expect(leaks(await page.content()), "test connection").toEqual([]);
    for (const format of ["csv", "ndjson"]) {
      const r = await page.request.get(`/api/integrations/${id}/log/export?format=${format}`);
      expect(r.status()).toBe(200);
      expect(leaks(await r.text()), format).toEqual([]);
    }
    for (const path of [
      "handout?format=md",
      "handout/starter?language=node",
      "handout/starter?language=python",
    ]) {
      const r = await page.request.get(`/api/integrations/${id}/${path}`);
      expect(r.status()).toBe(200);
      expect(leaks(await r.text()), path).toEqual([]);
    }
    expect((await Promise.all(seen)).flat()).toEqual([]);

    const [tables] = await e2eDb().sql<Record<string, string | null>[]>`
      select (select string_agg(l::text, ' ') from sync_log l where integration_id = ${id}) as sync_log,
             (select string_agg(d::text, ' ') from deliveries d where integration_id = ${id}) as deliveries,
             (select disabled_reason from integrations where id = ${id}) as disabled_reason,
             (select string_agg(n::text, ' ') from notifications n where integration_id = ${id}) as notifications,
             (select string_agg(a::text, ' ') from audit_events a where resource_id = ${id}) as audit,
             (select string_agg(r::text, ' ') from sync_runs r where integration_id = ${id}) as runs`;
    expect(tables!.disabled_reason).toBeTruthy();
    for (const [table, text] of Object.entries(tables!)) expect(leaks(text ?? ""), table).toEqual([]);
  } finally {
    await receiver.close();
  }
});
