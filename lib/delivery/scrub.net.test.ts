import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "./body";
import { closeAllPools, sendAttempt, testConnection } from "./index";
import { encodeForm } from "./redact";
import { type Receiver, startReceiver, text } from "./test-support/servers";
import { testSettings } from "./test-support/settings";

// Secrets with the characters that change between encodings: quotes, backslashes, spaces, + / =.
const API_KEY = 'k3y-"quoted"\\slash/+=-0123456789';
const CLIENT_SECRET = 'cl1ent "secret"\\ with/+= spaces';
const CLIENT_ID = "lms client";

/** Every form a credential can come back in; none may appear in what LMS Sync keeps or shows. */
function forms(secret: string, pairWith?: string): string[] {
  const out = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), encodeForm(secret)];
  if (pairWith !== undefined) {
    out.push(Buffer.from(`${pairWith}:${secret}`).toString("base64"));
    out.push(Buffer.from(`${encodeForm(pairWith)}:${encodeForm(secret)}`).toString("base64"));
  }
  return out;
}

function expectNoSecret(value: unknown, secretForms: string[]) {
  const text = JSON.stringify(value);
  for (const form of secretForms)
    expect(text, `leaks ${form}`).not.toContain(JSON.stringify(form).slice(1, -1));
}

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await closeAllPools();
  await receiver.close();
});

describe("a token endpoint that echoes the client secret", () => {
  // It quotes back what it got: the form body (form-encoded secret), the Authorization header (base64 pair) and the
  // secret JSON-escaped, as a careless OAuth2 server's error_description does.
  const echoingTokenEndpoint = () =>
    receiver.setDefault((req, res) => {
      res.writeHead(400, { "content-type": "application/json" }).end(
        JSON.stringify({
          error: "invalid_client",
          error_description: `you sent ${req.body} with ${req.headers.authorization ?? "no header"} (${CLIENT_SECRET})`,
        }),
      );
    });

  it.each(["client_secret_basic", "client_secret_post"] as const)(
    "%s: Test connection and a delivery attempt keep none of its forms",
    async (method) => {
      echoingTokenEndpoint();
      const settings = testSettings(`${receiver.url}in`, {
        authType: "oauth2",
        auth: { tokenUrl: `${receiver.url}token`, clientId: CLIENT_ID, clientAuthMethod: method },
        secrets: { clientSecret: CLIENT_SECRET },
      });
      const tested = await testConnection({ settings, target: "production" });
      expect(tested.ok).toBe(false);
      expect(tested.diagnosis?.cause).toBeTruthy();
      expectNoSecret(tested, forms(CLIENT_SECRET, CLIENT_ID));
      expect(JSON.stringify(tested)).toContain("invalid_client");

      const sent = await sendAttempt({ settings, target: "production", body: {}, idempotencyKey: "d-1" });
      expect(sent.ok).toBe(false);
      expect(sent.error?.message).toMatch(/invalid_client/);
      expectNoSecret(sent, forms(CLIENT_SECRET, CLIENT_ID));
    },
  );
});

describe("a receiver that echoes the API key", () => {
  const settings = () =>
    testSettings(`${receiver.url}in`, {
      authType: "api_key",
      auth: { headerName: "X-API-Key" },
      secrets: { apiKey: API_KEY },
    });

  it("redirecting with the key in Location keeps it out of the error, the location and the diagnosis", async () => {
    receiver.setDefault((req, res) => {
      const key = String(req.headers["x-api-key"]);
      res.writeHead(302, { location: `https://hr.example.com/landing?k=${encodeURIComponent(key)}` }).end();
    });
    const outcome = await sendAttempt({
      settings: settings(),
      target: "production",
      body: {},
      idempotencyKey: "d",
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/^https:\/\/hr\.example\.com\/landing\?k=\[redacted\]$/);
    expect(outcome.diagnosis?.cause).toContain("https://hr.example.com/landing?k=[redacted]");
    expectNoSecret(outcome, forms(API_KEY));
  });

  it("echoing it JSON-escaped or URL-encoded in the body and headers is masked", async () => {
    receiver.setDefault((req, res) => {
      const key = String(req.headers["x-api-key"]);
      res
        .writeHead(401, { "content-type": "application/json", "x-echo": encodeURIComponent(key) })
        .end(JSON.stringify({ message: `bad key ${key}`, query: `k=${encodeURIComponent(key)}` }));
    });
    const outcome = await sendAttempt({
      settings: settings(),
      target: "production",
      body: {},
      idempotencyKey: "d",
    });
    expect(outcome.status).toBe(401);
    expect(outcome.responseBody).toContain("bad key [redacted]");
    expectNoSecret(outcome, forms(API_KEY));
  });

  it("a key cut in half at the 64 KiB body cap is masked where the body ends", async () => {
    const filler = "x".repeat(MAX_BODY_BYTES - 12);
    receiver.setDefault(text(500, `${filler}${API_KEY}${"y".repeat(100)}`));
    const outcome = await sendAttempt({
      settings: settings(),
      target: "production",
      body: {},
      idempotencyKey: "d",
    });
    expect(outcome.truncated).toBe(true);
    expect(outcome.responseBody.endsWith("[redacted]")).toBe(true);
    expect(outcome.responseBody).not.toContain(API_KEY.slice(0, 8));
  });
});

describe("hostile bytes from a receiver", () => {
  it("a NUL byte or a lone surrogate in the body, headers or message comes back storable", async () => {
    receiver.setDefault(text(500, '{"message":"bad\u0000byte"}'));
    const settings = testSettings(`${receiver.url}in`);
    const outcome = await sendAttempt({ settings, target: "production", body: {}, idempotencyKey: "d" });
    expect(outcome.status).toBe(500);
    expect(outcome.responseBody).toBe('{"message":"bad\uFFFDbyte"}');
    receiver.setDefault(text(200, "ok\u0000"));
    const ok = await sendAttempt({ settings, target: "production", body: {}, idempotencyKey: "d" });
    expect(ok.responseBody).toBe("ok\uFFFD");
  });
});
