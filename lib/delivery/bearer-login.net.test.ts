import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Clock, systemClock, testClock } from "../clock";
import { closeAllPools, sendAttempt } from "./index";
import {
  bearerOf,
  json,
  type LoginServer,
  type Receiver,
  requireAuth,
  startLoginServer,
  startReceiver,
} from "./test-support/servers";
import { testSettings } from "./test-support/settings";
import type { ConnectionSettings } from "./types";

let login: LoginServer;
let receiver: Receiver;
beforeAll(async () => {
  login = await startLoginServer({
    username: "lms",
    password: "login-pass",
    usernameField: "user",
    passwordField: "pass",
  });
  receiver = await startReceiver();
  receiver.setDefault(requireAuth((r) => login.isValid(bearerOf(r))));
});
afterAll(async () => {
  await closeAllPools();
  await Promise.all([login.close(), receiver.close()]);
});

let jti = 0;
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (exp: number) =>
  `${base64url({ alg: "HS256" })}.${base64url({ sub: "lms", exp, jti: jti++ })}.sig`;
const nowSeconds = (clock: Clock) => Math.floor(clock.now() / 1000);

const settings = (overrides: Partial<ConnectionSettings> = {}) =>
  testSettings(receiver.url, {
    authType: "bearer_login",
    auth: {
      loginUrl: `${login.url}auth/login`,
      username: "lms",
      usernameField: "user",
      passwordField: "pass",
    },
    secrets: { password: "login-pass" },
    ...overrides,
  });
const send = (s: ConnectionSettings, clock: Clock = systemClock) =>
  sendAttempt({ settings: s, target: "production", body: {}, idempotencyKey: "k", clock });

describe("bearer login: token shapes", () => {
  beforeEach(() => login.setTokenShape((t) => ({ access_token: t })));

  it.each([
    ["access_token as a string", (t: string) => ({ access_token: t })],
    [
      "access_token as an object with expires_in_seconds",
      (t: string) => ({ access_token: { token: t, expires_in_seconds: 600 } }),
    ],
    ["a top-level expires_in", (t: string) => ({ access_token: t, expires_in: 600, token_type: "Bearer" })],
  ])("reads %s, posts the configured field names and caches the token", async (_name, shape) => {
    login.setTokenShape(shape);
    const s = settings();
    const logins = login.logins;
    expect(await send(s)).toMatchObject({ ok: true, status: 200 });
    expect(await send(s)).toMatchObject({ ok: true, status: 200 });
    expect(login.logins).toBe(logins + 1);
    expect(JSON.parse(login.requests.at(-1)?.body ?? "{}")).toEqual({ user: "lms", pass: "login-pass" });
    expect(login.requests.at(-1)?.headers["content-type"]).toBe("application/json");
  });

  it("reads a JWT's exp when the answer gives no expiry", async () => {
    const clock = testClock();
    let exp = nowSeconds(clock) + 3600;
    login.setTokenShape(
      (t) => ({ access_token: t }),
      () => jwt(exp),
    );
    const longLived = settings();
    const logins = login.logins;
    await send(longLived, clock);
    expect(await send(longLived, clock)).toMatchObject({ ok: true });
    expect(login.logins).toBe(logins + 1);

    // 31 s left is inside the 30 s refresh margin a moment later.
    exp = nowSeconds(clock) + 31;
    const shortLived = settings();
    await send(shortLived, clock);
    clock.advance(1_500);
    expect(await send(shortLived, clock)).toMatchObject({ ok: true });
    expect(login.logins).toBe(logins + 3);
  });
});

describe("bearer login: refresh", () => {
  it("logs in again once the token is within 30 s of expiry", async () => {
    login.setTokenShape((t) => ({ access_token: { token: t, expires_in_seconds: 600 } }));
    const clock = testClock();
    const s = settings();
    const logins = login.logins;
    await send(s, clock);
    clock.advance(560_000); // 40 s left: still cached
    expect(await send(s, clock)).toMatchObject({ ok: true });
    expect(login.logins).toBe(logins + 1);
    clock.advance(15_000); // 25 s left
    expect(await send(s, clock)).toMatchObject({ ok: true });
    expect(login.logins).toBe(logins + 2);
  });

  it("a 401 to a cached token forces exactly one new login and the request is repeated", async () => {
    login.setTokenShape((t) => ({ access_token: t }));
    const s = settings();
    await send(s);
    login.revokeAll();
    const logins = login.logins;
    const requests = receiver.requests.length;
    const outcome = await send(s);
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(login.logins).toBe(logins + 1);
    expect(receiver.requests.length).toBe(requests + 2);
    expect(receiver.requests.at(-1)?.headers["idempotency-key"]).toBe("k");
  });

  it("an endpoint that keeps answering 401 gets one new login, not a loop", async () => {
    const s = settings();
    await send(s);
    receiver.respondWith(json(401, { error: "token revoked" }), json(401, { error: "still no" }));
    const logins = login.logins;
    const requests = receiver.requests.length;
    const outcome = await send(s);
    expect(outcome).toMatchObject({ ok: false, status: 401, error: { code: "http_status" } });
    expect(outcome.diagnosis?.cause).toMatch(/refused the token from the login endpoint/);
    expect(login.logins).toBe(logins + 1);
    expect(receiver.requests.length).toBe(requests + 2);
  });

  it("parallel attempts share one login", async () => {
    const s = settings();
    const logins = login.logins;
    const outcomes = await Promise.all([send(s), send(s), send(s)]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(login.logins).toBe(logins + 1);
  });
});

describe("bearer login: failures are login failures", () => {
  it("wrong password: the login endpoint's status and body, not the endpoint's", async () => {
    const requests = receiver.requests.length;
    const outcome = await send(settings({ secrets: { password: "wrong" } }));
    expect(outcome).toMatchObject({
      ok: false,
      status: 401,
      url: `${login.url}auth/login`,
      error: { code: "login_failed" },
      responseBody: '{"error":"invalid username or password"}',
    });
    expect(outcome.diagnosis?.cause).toMatch(/login endpoint refused the username or password/);
    expect(JSON.stringify(outcome)).not.toContain("wrong");
    expect(receiver.requests.length).toBe(requests);
  });

  it("a login answer without a token hides its body and says what is missing", async () => {
    login.setTokenShape((t) => ({ accessToken: t }));
    const outcome = await send(settings());
    expect(outcome).toMatchObject({ ok: false, status: 200, error: { code: "login_failed" } });
    expect(outcome.responseBody).toBe("[body hidden: JSON object with keys accessToken]");
    expect(outcome.diagnosis?.cause).toMatch(/no access_token/);
  });

  it("an unreachable login endpoint is a login failure that says why", async () => {
    const gone = await startReceiver();
    await gone.close();
    const outcome = await send(settings({ auth: { loginUrl: gone.url, username: "lms" } }));
    expect(outcome).toMatchObject({ ok: false, status: null, error: { code: "login_failed" } });
    expect(outcome.diagnosis?.cause).toMatch(
      /login endpoint could not be reached.*nothing accepts connections/,
    );
  });
});
