import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAllPools, sendAttempt, testConnection } from "./index";
import { REDACTED } from "./redact";
import { json, type Receiver, startReceiver } from "./test-support/servers";
import { testSettings } from "./test-support/settings";

const COOKIE = "sid=s3ss10n-c00kie; Path=/; HttpOnly";

let receiver: Receiver;
let login: Receiver;
beforeAll(async () => {
  [receiver, login] = await Promise.all([startReceiver(), startReceiver()]);
});
afterAll(async () => {
  await closeAllPools();
  await Promise.all([receiver.close(), login.close()]);
});

describe("what an attempt keeps of its headers", () => {
  it("masks a short secret header sent and a session cookie received", async () => {
    receiver.respondWith(json(200, { received: true }, { "set-cookie": COOKIE, "x-request-id": "r-1" }));
    const settings = testSettings(`${receiver.url}completions`, { secretHeaders: { "X-Tenant": "t7q" } });
    const outcome = await sendAttempt({ settings, target: "production", body: {}, idempotencyKey: "k-1" });
    expect(receiver.requests.at(-1)?.headers["x-tenant"]).toBe("t7q");
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(outcome.requestHeaders["X-Tenant"]).toBe(REDACTED);
    expect(outcome.responseHeaders["set-cookie"]).toBe(REDACTED);
    expect(outcome.responseHeaders["x-request-id"]).toBe("r-1");
    expect(JSON.stringify(outcome)).not.toMatch(/t7q|s3ss10n/);
  });

  it("masks the session cookie a refusing login endpoint sets, in an attempt and in Test connection", async () => {
    const refuse = json(401, { error: "invalid username or password" }, { "set-cookie": COOKIE });
    login.setDefault(refuse);
    const settings = testSettings(`${receiver.url}completions`, {
      authType: "bearer_login",
      auth: { loginUrl: `${login.url}auth/login`, username: "lms" },
      secrets: { password: "login-pass" },
    });
    const outcome = await sendAttempt({ settings, target: "production", body: {}, idempotencyKey: "k-2" });
    expect(outcome).toMatchObject({ ok: false, status: 401, error: { code: "login_failed" } });
    expect(outcome.responseHeaders["set-cookie"]).toBe(REDACTED);
    const tested = await testConnection({ settings, target: "production" });
    expect(tested.outcome?.responseHeaders["set-cookie"]).toBe(REDACTED);
    expect(JSON.stringify([outcome, tested])).not.toContain("s3ss10n");
  });
});
