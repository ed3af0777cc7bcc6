import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { integrations } from "../db/schema";
import { e2eDb } from "./support/db";
import { createTestIntegration } from "./support/integrations";
import { ADMIN, signIn } from "./support/login";

/** A page on another port of the same host: same site (so the session cookie goes along), another origin. */
async function startAttacker(html: string) {
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { "content-type": "text/html" }).end(html),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

test("[security] a page on another origin cannot make an admin's browser create or pause an integration", async ({
  page,
}) => {
  const base = process.env.E2E_BASE_URL!;
  const victimName = `E2E cross-site victim ${Date.now().toString(36)}`;
  const victimId = await createTestIntegration({
    name: victimName,
    secrets: { apiKey: "victim-key-0123456789" },
  });
  const evilName = `evil-${Date.now().toString(36)}`;
  await signIn(page, ADMIN);

  // A form post (text/plain shaped like JSON, the classic trick) and fetches that need no CORS preflight.
  const attacker = await startAttacker(`<!doctype html><html><body>
    <form id="f" method="POST" action="${base}/api/integrations" enctype="text/plain">
      <input name='{"name":"${evilName}","endpointUrl":"https://evil.example/x","authType":"none","x":"' value='"}'>
    </form>
    <script>
      Promise.all([
        fetch("${base}/api/integrations/${victimId}/pause", { method: "POST", credentials: "include", mode: "no-cors", headers: { "content-type": "text/plain" }, body: "{}" }),
        fetch("${base}/api/integrations/${victimId}", { method: "PATCH", credentials: "include", mode: "no-cors", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "name=owned" }),
      ]).finally(() => document.getElementById("f").submit());
    </script>
  </body></html>`);
  try {
    const formAnswer = page.waitForResponse(
      (r) => r.url() === `${base}/api/integrations` && r.request().method() === "POST",
    );
    await page.goto(attacker.url);
    const answer = await formAnswer;
    expect(answer.status()).toBe(403);
    expect((await answer.json()).error.message).toMatch(/application\/json/);
  } finally {
    await attacker.close();
  }

  const db = e2eDb().db;
  expect(await db.select().from(integrations).where(eq(integrations.name, evilName))).toEqual([]);
  const [victim] = await db.select().from(integrations).where(eq(integrations.id, victimId));
  expect(victim).toMatchObject({ name: victimName, status: "active" });

  // The app's own pages still change things: same origin, JSON.
  await page.goto(`/integrations/${victimId}`);
  await page.getByRole("button", { name: "Pause" }).first().click();
  await expect
    .poll(async () => (await db.select().from(integrations).where(eq(integrations.id, victimId)))[0]?.status)
    .toBe("paused");
});
