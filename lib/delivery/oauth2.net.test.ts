import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Clock, systemClock, testClock } from "../clock";
import { closeAllPools, sendAttempt } from "./index";
import { type OAuthServer, startOAuthServer } from "./test-support/oauth-server";
import { bearerOf, type Receiver, requireAuth, startReceiver } from "./test-support/servers";
import { testSettings } from "./test-support/settings";
import type { ConnectionSettings } from "./types";

let oauth: OAuthServer;
let receiver: Receiver;
beforeAll(async () => {
  oauth = await startOAuthServer(
    [
      { clientId: "lms-sync", clientSecret: "basic-secret/+=", scope: "completions:write" },
      {
        clientId: "lms-sync-post",
        clientSecret: "post-secret",
        scope: "completions:write",
        authMethod: "client_secret_post",
      },
    ],
    ["completions:write", "completions:read"],
  );
  receiver = await startReceiver();
  // The receiver accepts only tokens the authorization server really issued.
  receiver.setDefault(requireAuth((r) => oauth.isValid(bearerOf(r))));
});
afterAll(async () => {
  await closeAllPools();
  await Promise.all([oauth.close(), receiver.close()]);
});

const settings = (auth: ConnectionSettings["auth"] = {}, clientSecret = "basic-secret/+=") =>
  testSettings(receiver.url, {
    authType: "oauth2",
    auth: { tokenUrl: oauth.tokenUrl, clientId: "lms-sync", scope: "completions:write", ...auth },
    secrets: { clientSecret },
  });
const send = (s: ConnectionSettings, clock: Clock = systemClock) =>
  sendAttempt({ settings: s, target: "production", body: {}, idempotencyKey: "k", clock });

describe("OAuth2 client credentials against a real authorization server", () => {
  it("gets a token with client_secret_basic (the default), and caches it", async () => {
    const s = settings();
    const before = oauth.tokenRequests;
    expect(await send(s)).toMatchObject({ ok: true, status: 200 });
    expect(await send(s)).toMatchObject({ ok: true, status: 200 });
    expect(oauth.tokenRequests).toBe(before + 1);
    expect(oauth.lastTokenHeaders?.authorization).toMatch(/^Basic /);
  });

  it("gets a token with client_secret_post", async () => {
    const s = settings({ clientId: "lms-sync-post", clientAuthMethod: "client_secret_post" }, "post-secret");
    expect(await send(s)).toMatchObject({ ok: true, status: 200 });
    expect(oauth.lastTokenHeaders?.authorization).toBeUndefined();
    expect(oauth.lastTokenHeaders?.["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("fetches a new token once the old one is within 30 s of expires_in", async () => {
    oauth.setTokenLifetime(600);
    const clock = testClock();
    const s = settings();
    const before = oauth.tokenRequests;
    await send(s, clock);
    clock.advance(560_000); // expires_in is 600: 40 s left, still cached
    expect(await send(s, clock)).toMatchObject({ ok: true });
    expect(oauth.tokenRequests).toBe(before + 1);
    clock.advance(15_000); // 25 s left
    expect(await send(s, clock)).toMatchObject({ ok: true });
    expect(oauth.tokenRequests).toBe(before + 2);
  });

  it("a wrong secret is reported as invalid_client, by name", async () => {
    const requests = receiver.requests.length;
    const outcome = await send(settings({}, "not-the-secret"));
    expect(outcome).toMatchObject({
      ok: false,
      status: 401,
      url: oauth.tokenUrl,
      error: { code: "oauth_error" },
    });
    expect(outcome.error?.message).toMatch(/invalid_client/);
    expect(outcome.diagnosis?.cause).toMatch(/invalid_client/);
    expect(outcome.requestHeaders.Authorization).toBe("Basic [redacted]");
    expect(receiver.requests.length).toBe(requests);
  });

  it("a scope the client may not have is reported as invalid_scope", async () => {
    const outcome = await send(settings({ scope: "completions:read" }));
    expect(outcome).toMatchObject({ ok: false, status: 400, error: { code: "oauth_error" } });
    expect(outcome.error?.message).toMatch(/invalid_scope/);
    expect(outcome.diagnosis?.fix).toMatch(/scope/);
  });
});
