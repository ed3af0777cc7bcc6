import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAllPools, sendAttempt } from "./index";
import { type Receiver, type RecordedRequest, requireAuth, startReceiver } from "./test-support/servers";
import { testSettings } from "./test-support/settings";
import type { ConnectionSettings } from "./types";

// Each receiver checks its own credential the way a real one would; a wrong one gets 401.
const checks = {
  apiKey: (r: RecordedRequest) => r.headers["x-api-key"] === "key-123456",
  customHeader: (r: RecordedRequest) => r.headers.apikey === "key-123456",
  bearer: (r: RecordedRequest) => r.headers.authorization === "Bearer static-token-1",
  basic: (r: RecordedRequest) =>
    r.headers.authorization === `Basic ${Buffer.from("lms:pässword").toString("base64")}`,
};

const receivers: Record<keyof typeof checks, Receiver> = {} as never;
beforeAll(async () => {
  for (const name of Object.keys(checks) as (keyof typeof checks)[]) {
    receivers[name] = await startReceiver();
    receivers[name].setDefault(requireAuth(checks[name]));
  }
});
afterAll(async () => {
  await closeAllPools();
  await Promise.all(Object.values(receivers).map((r) => r.close()));
});

const send = (settings: ConnectionSettings) =>
  sendAttempt({ settings, target: "production", body: {}, idempotencyKey: "k" });

type Case = {
  name: string;
  receiver: keyof typeof checks;
  good: Partial<ConnectionSettings>;
  bad: Partial<ConnectionSettings>;
  cause: RegExp;
};

const cases: Case[] = [
  {
    name: "API key (default X-API-Key header)",
    receiver: "apiKey",
    good: { authType: "api_key", secrets: { apiKey: "key-123456" } },
    bad: { authType: "api_key", secrets: { apiKey: "key-999999" } },
    cause: /API key/,
  },
  {
    name: "API key in a configured header",
    receiver: "customHeader",
    good: { authType: "api_key", auth: { headerName: "apikey" }, secrets: { apiKey: "key-123456" } },
    bad: { authType: "api_key", auth: { headerName: "X-API-Key" }, secrets: { apiKey: "key-123456" } },
    cause: /API key/,
  },
  {
    name: "static bearer token",
    receiver: "bearer",
    good: { authType: "bearer", secrets: { token: "static-token-1" } },
    bad: { authType: "bearer", secrets: { token: "static-token-2" } },
    cause: /bearer token/,
  },
  {
    name: "basic",
    receiver: "basic",
    good: { authType: "basic", auth: { username: "lms" }, secrets: { password: "pässword" } },
    bad: { authType: "basic", auth: { username: "lms" }, secrets: { password: "not-the-pässword" } },
    cause: /username or password/,
  },
];

describe.each(cases)("$name", ({ receiver, good, bad, cause }) => {
  it("is accepted with the right credentials", async () => {
    const outcome = await send(testSettings(receivers[receiver].url, good));
    expect(outcome).toMatchObject({ ok: true, status: 200 });
  });

  it("is refused with wrong ones, and the diagnosis names the credential", async () => {
    const outcome = await send(testSettings(receivers[receiver].url, bad));
    expect(outcome).toMatchObject({ ok: false, status: 401, error: { code: "http_status" } });
    expect(outcome.diagnosis?.cause).toMatch(cause);
    expect(JSON.stringify(outcome.requestHeaders)).not.toMatch(/key-999999|static-token-2|cGFzc3dvcmQ/);
  });
});

describe("no authentication", () => {
  it("is sent without credentials outside production, and a receiver that wants some says so", async () => {
    const outcome = await send(testSettings(receivers.bearer.url, { authType: "none" }));
    expect(receivers.bearer.requests.at(-1)?.headers.authorization).toBeUndefined();
    expect(outcome).toMatchObject({ ok: false, status: 401 });
    expect(outcome.diagnosis?.cause).toMatch(/requires credentials that were not sent/);
  });
});

describe("missing secrets", () => {
  it("are a configuration failure, nothing sent", async () => {
    const before = receivers.apiKey.requests.length;
    const outcome = await send(testSettings(receivers.apiKey.url, { authType: "api_key", secrets: {} }));
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: "config", message: expect.stringMatching(/API key is not set/) },
    });
    expect(receivers.apiKey.requests.length).toBe(before);
  });

  it("incomplete non-secret settings are named", async () => {
    const outcome = await send(
      testSettings(receivers.basic.url, { authType: "basic", secrets: { password: "x" } }),
    );
    expect(outcome.error).toMatchObject({ code: "config", message: expect.stringMatching(/username/) });
  });
});
