import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAllPools, sendAttempt } from "./index";
import {
  echoHeaders,
  hang,
  headersThenHang,
  json,
  type Receiver,
  resetConnection,
  startReceiver,
  streamBytes,
  text,
} from "./test-support/servers";
import { testSettings } from "./test-support/settings";
import type { ConnectionSettings } from "./types";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await closeAllPools();
  await receiver.close();
});

const send = (settings = testSettings(receiver.url), body: unknown = { employeeId: "anne@company.com" }) =>
  sendAttempt({ settings, target: "production", body, idempotencyKey: "delivery-42" });

describe("sendAttempt: what is sent", () => {
  it("POSTs the JSON body with content type, user agent, idempotency key and custom headers", async () => {
    const settings = testSettings(`${receiver.url}api/completions`, {
      customHeaders: { "X-Tenant": "acme" },
    });
    const body = { employeeId: "anne@company.com", score: 95, nested: { ok: true } };
    const outcome = await send(settings, body);
    const seen = receiver.requests.at(-1);
    expect(outcome).toMatchObject({ ok: true, status: 200, url: settings.endpointUrl, truncated: false });
    expect(seen?.method).toBe("POST");
    expect(seen?.path).toBe("/api/completions");
    expect(seen?.body).toBe(JSON.stringify(body));
    expect(seen?.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "LMS-Sync/0.1.0",
      "idempotency-key": "delivery-42",
      "x-tenant": "acme",
    });
    expect(outcome.requestHeaders).toMatchObject({ "Idempotency-Key": "delivery-42", "X-Tenant": "acme" });
    expect(outcome.responseBody).toBe('{"received":true}');
  });

  it("sends to the test URL when the target is test and one is set", async () => {
    const settings = testSettings(`${receiver.url}prod`, { testUrl: `${receiver.url}sandbox` });
    await sendAttempt({ settings, target: "test", body: {}, idempotencyKey: "t" });
    expect(receiver.requests.at(-1)?.path).toBe("/sandbox");
  });

  it("reuses the integration's keep-alive connection and rebuilds the pool when the settings version changes", async () => {
    const settings = testSettings(receiver.url);
    for (let i = 0; i < 6; i++) await send(settings);
    // undici may open a second socket while the first is being handed back; six requests never need six.
    const ports = new Set(receiver.requests.slice(-6).map((r) => r.remotePort));
    expect(ports.size).toBeLessThanOrEqual(2);
    await send({ ...settings, version: "2026-02-02T00:00:00.000Z" });
    expect(ports.has(receiver.requests.at(-1)?.remotePort ?? 0)).toBe(false);
  });
});

describe("sendAttempt: how the answer is judged", () => {
  it("uses the integration's success codes", async () => {
    receiver.respondWith(json(200, {}), json(202, {}));
    const strict = testSettings(receiver.url, { successCodes: "201,202" });
    const refused = await send(strict);
    expect(refused).toMatchObject({ ok: false, status: 200, error: { code: "http_status" } });
    expect(refused.diagnosis?.fix).toMatch(/success codes/);
    expect((await send(strict)).ok).toBe(true);
  });

  it("does not follow redirects and shows the Location", async () => {
    const before = receiver.requests.length;
    receiver.respondWith(json(302, {}, { location: "https://elsewhere.example.com/new" }));
    const outcome = await send();
    expect(outcome).toMatchObject({ ok: false, status: 302, location: "https://elsewhere.example.com/new" });
    expect(outcome.error?.code).toBe("redirect");
    expect(outcome.diagnosis?.cause).toMatch(/elsewhere\.example\.com/);
    expect(receiver.requests.length).toBe(before + 1);
  });

  it("parses Retry-After in seconds and as an HTTP date", async () => {
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    receiver.respondWith(
      json(429, { error: "slow down" }, { "retry-after": "120" }),
      text(503, "busy", { "retry-after": inOneMinute }),
    );
    const limited = await send();
    expect(limited).toMatchObject({ ok: false, status: 429, retryAfterMs: 120_000 });
    expect(limited.diagnosis?.cause).toMatch(/120 s/);
    const busy = await send();
    expect(busy.retryAfterMs).toBeGreaterThan(50_000);
    expect(busy.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(busy.diagnosis?.cause).toMatch(/their side/);
  });

  it.each([
    [400, /Test with user/],
    [404, /URL/],
    [500, /their side/],
  ])("HTTP %i is diagnosed", async (status, pattern) => {
    receiver.respondWith(json(status, { error: "nope" }));
    const outcome = await send();
    expect(outcome).toMatchObject({ ok: false, status, error: { code: "http_status" } });
    expect(`${outcome.diagnosis?.cause} ${outcome.diagnosis?.fix}`).toMatch(pattern);
  });

  it("keeps non-JSON bodies as text", async () => {
    receiver.respondWith(text(200, "<html>thanks</html>", { "content-type": "text/html" }));
    expect(await send()).toMatchObject({ ok: true, responseBody: "<html>thanks</html>" });
  });

  it("never stores a secret, even when the receiver echoes it back", async () => {
    receiver.respondWith(echoHeaders());
    const settings = testSettings(receiver.url, {
      authType: "bearer",
      secrets: { token: "very-secret-token" },
    });
    const outcome = await send(settings);
    expect(receiver.requests.at(-1)?.headers.authorization).toBe("Bearer very-secret-token");
    expect(JSON.stringify(outcome)).not.toContain("very-secret-token");
    expect(outcome.requestHeaders.Authorization).toBe("Bearer [redacted]");
  });
});

describe("sendAttempt: network failures come back as outcomes", () => {
  it("times out (1 s setting) while waiting for the answer", async () => {
    receiver.respondWith(hang());
    const outcome = await send(testSettings(receiver.url, { timeoutMs: 1000 }));
    expect(outcome).toMatchObject({ ok: false, status: null, error: { code: "timeout" } });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(900);
    expect(outcome.diagnosis?.cause).toMatch(/firewall or IP allow-list/);
  });

  it("times out while the body is still arriving, keeping the status", async () => {
    receiver.respondWith(headersThenHang());
    const outcome = await send(testSettings(receiver.url, { timeoutMs: 1000 }));
    expect(outcome).toMatchObject({ ok: false, status: 200, error: { code: "timeout" } });
    expect(outcome.error?.message).toMatch(/body/);
  });

  it("reports a reset connection", async () => {
    receiver.respondWith(resetConnection());
    const outcome = await send();
    expect(outcome).toMatchObject({ ok: false, status: null, error: { code: "connection_reset" } });
    expect(outcome.diagnosis?.cause).toMatch(/cut off/);
  });

  it("reports a refused connection", async () => {
    const closed = await startReceiver();
    await closed.close();
    const outcome = await send(testSettings(closed.url));
    expect(outcome).toMatchObject({ ok: false, error: { code: "connection_refused" } });
    expect(outcome.diagnosis?.cause).toMatch(/nothing accepts connections/);
  });

  it("reports a host name that does not exist", async () => {
    const outcome = await send(testSettings("https://lms-sync-receiver.invalid/api"));
    expect(outcome).toMatchObject({ ok: false, status: null, error: { code: "dns" } });
    expect(outcome.diagnosis?.cause).toMatch(/DNS/);
  });

  it("stops when the caller aborts", async () => {
    receiver.respondWith(hang());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const outcome = await sendAttempt({
      settings: testSettings(receiver.url),
      target: "production",
      body: {},
      idempotencyKey: "a",
      signal: controller.signal,
    });
    expect(outcome.error?.code).toBe("aborted");
  });

  it("refuses invalid settings as a configuration failure", async () => {
    const outcome = await send(testSettings(receiver.url, { successCodes: "2xx,abc", timeoutMs: 10 }));
    expect(outcome).toMatchObject({ ok: false, status: null, error: { code: "config" } });
    expect(outcome.error?.message).toMatch(/successCodes/);
    const broken = await send({ integrationId: "x" } as unknown as ConnectionSettings);
    expect(broken).toMatchObject({ ok: false, error: { code: "config" } });
  });
});

describe("sendAttempt: large bodies", () => {
  it("keeps 64 KiB of a 100 MB answer without raising memory use", async () => {
    receiver.respondWith(streamBytes(100 * 1024 * 1024));
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakBuffers = before.arrayBuffers;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
    }, 5);
    // Reading 100 MB through TLS takes seconds on a busy machine: the timeout is not what this test is about.
    const outcome = await send(testSettings(receiver.url, { timeoutMs: 120_000 }));
    clearInterval(sampler);
    expect(outcome).toMatchObject({ ok: true, status: 200, truncated: true });
    expect(outcome.responseBody.length).toBe(64 * 1024);
    expect(peakRss - before.rss).toBeLessThan(30 * 1024 * 1024);
    expect(peakBuffers - before.arrayBuffers).toBeLessThan(30 * 1024 * 1024);
  }, 130_000);
});
