import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetSettingsCache } from "../settings";
import { guardedLookup } from "./address-policy";
import { closeAllPools, sendAttempt, testConnection } from "./index";
import { type Receiver, startReceiver } from "./test-support/servers";
import { testSettings } from "./test-support/settings";
import type { ConnectionSettings } from "./types";

const saved = { NODE_ENV: process.env.NODE_ENV, ALLOWED_PRIVATE_HOSTS: process.env.ALLOWED_PRIVATE_HOSTS };
function setEnv(env: { NODE_ENV?: string; ALLOWED_PRIVATE_HOSTS?: string }) {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetSettingsCache();
}

let https: Receiver;
let plain: Receiver;
beforeAll(async () => {
  [https, plain] = await Promise.all([startReceiver(), startReceiver({ plain: true })]);
});
afterEach(async () => {
  setEnv(saved);
  // Pools hold connections opened under the previous rules.
  await closeAllPools();
});
afterAll(() => Promise.all([https.close(), plain.close()]));

const apiKey: Partial<ConnectionSettings> = { authType: "api_key", secrets: { apiKey: "key-123456" } };
const send = (url: string, overrides: Partial<ConnectionSettings> = apiKey) =>
  sendAttempt({
    settings: testSettings(url, overrides),
    target: "production",
    body: {},
    idempotencyKey: "k",
  });
const localhostUrl = () => https.url.replace("127.0.0.1", "localhost");

describe("production rules (NODE_ENV=production)", () => {
  it("refuses http:// endpoints; development allows them", async () => {
    setEnv({ NODE_ENV: "production", ALLOWED_PRIVATE_HOSTS: "127.0.0.1" });
    const before = plain.requests.length;
    const outcome = await send(plain.url);
    expect(outcome).toMatchObject({ ok: false, status: null, error: { code: "production_refused" } });
    expect(outcome.error?.message).toMatch(/http:\/\//);
    expect(plain.requests.length).toBe(before);
    setEnv({ NODE_ENV: "development" });
    expect((await send(plain.url)).ok).toBe(true);
  });

  it("refuses a literal loopback address before connecting", async () => {
    setEnv({ NODE_ENV: "production", ALLOWED_PRIVATE_HOSTS: "" });
    const before = https.requests.length;
    const outcome = await send(https.url);
    expect(outcome).toMatchObject({ ok: false, error: { code: "production_refused" } });
    expect(outcome.diagnosis?.fix).toMatch(/ALLOWED_PRIVATE_HOSTS/);
    expect(https.requests.length).toBe(before);
  });

  it("refuses a name that resolves to loopback at connect time, in the pool's DNS lookup", async () => {
    setEnv({ NODE_ENV: "production", ALLOWED_PRIVATE_HOSTS: "" });
    const before = https.requests.length;
    const outcome = await send(localhostUrl());
    expect(outcome).toMatchObject({ ok: false, status: null, error: { code: "production_refused" } });
    expect(outcome.error?.message).toMatch(/localhost \((127\.0\.0\.1|::1)\).*loopback/);
    expect(https.requests.length).toBe(before);
  });

  it("allows private hosts that ALLOWED_PRIVATE_HOSTS names, by name or by IP", async () => {
    setEnv({ NODE_ENV: "production", ALLOWED_PRIVATE_HOSTS: "localhost" });
    expect(await send(localhostUrl())).toMatchObject({ ok: true, status: 200 });
    await closeAllPools();
    setEnv({ NODE_ENV: "production", ALLOWED_PRIVATE_HOSTS: "127.0.0.1,::1" });
    expect(await send(https.url)).toMatchObject({ ok: true });
    expect(await send(localhostUrl())).toMatchObject({ ok: true });
  });

  it("refuses authentication None", async () => {
    setEnv({ NODE_ENV: "production", ALLOWED_PRIVATE_HOSTS: "127.0.0.1" });
    const outcome = await send(https.url, { authType: "none" });
    expect(outcome).toMatchObject({ ok: false, error: { code: "production_refused" } });
    expect(outcome.error?.message).toMatch(/only allowed outside production/);
  });

  it("applies the same rules to login and token URLs", async () => {
    setEnv({ NODE_ENV: "production", ALLOWED_PRIVATE_HOSTS: "127.0.0.1" });
    const outcome = await send(https.url, {
      authType: "bearer_login",
      auth: { loginUrl: plain.url, username: "lms" },
      secrets: { password: "pw" },
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: "production_refused" } });
    expect(outcome.error?.message).toMatch(/login endpoint/);
  });

  it("Test connection stops at the DNS stage with the reason", async () => {
    setEnv({ NODE_ENV: "production", ALLOWED_PRIVATE_HOSTS: "" });
    const result = await testConnection({
      settings: testSettings(localhostUrl(), apiKey),
      target: "production",
    });
    expect(result.ok).toBe(false);
    expect(result.stages).toHaveLength(1);
    expect(result.stages[0]).toMatchObject({
      name: "dns",
      ok: false,
      detail: expect.stringMatching(/loopback/),
    });
    expect(result.diagnosis?.fix).toMatch(/ALLOWED_PRIVATE_HOSTS/);
  });
});

describe("guardedLookup", () => {
  it("answers like dns.lookup outside production and refuses private answers in production", async () => {
    const lookup = (all: boolean) =>
      new Promise<{ error: NodeJS.ErrnoException | null; result: unknown }>((resolve) =>
        guardedLookup("localhost", { all }, (error, result) => resolve({ error, result })),
      );
    setEnv({ NODE_ENV: "development" });
    expect((await lookup(true)).result).toEqual(
      expect.arrayContaining([expect.objectContaining({ family: expect.any(Number) })]),
    );
    expect(typeof (await lookup(false)).result).toBe("string");
    setEnv({ NODE_ENV: "production", ALLOWED_PRIVATE_HOSTS: "" });
    expect((await lookup(true)).error?.code).toBe("ERR_ADDRESS_BLOCKED");
  });
});
