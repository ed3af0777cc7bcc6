import { describe, expect, it } from "vitest";
import { buildOutcome } from "./outcome";
import { REDACTED } from "./redact";
import type { ConnectionSettings } from "./types";

const settings = {
  authType: "api_key",
  auth: { headerName: "X-API-Key" },
  secrets: { apiKey: "key-123456" },
  secretHeaders: { "X-Tenant": "t7q" },
} as unknown as ConnectionSettings;

describe("buildOutcome", () => {
  it("stores no secret header value, however short, and no session cookie", () => {
    const outcome = buildOutcome(
      { settings, method: "POST", started: performance.now(), timeoutMs: 5_000 },
      {
        url: "https://hr.example.com/completions",
        headers: { "X-API-Key": "key-123456", "x-tenant": "t7q", "Idempotency-Key": "d-1" },
        response: {
          status: 200,
          headers: {
            "set-cookie": "sid=s3ss10n; Path=/; HttpOnly",
            "set-cookie2": 'sid="s3ss10n"; Version=1',
            "content-type": "application/json",
            "x-request-id": "r-42",
          },
          body: '{"received":true}',
          truncated: false,
        },
      },
    );
    expect(outcome.requestHeaders).toEqual({
      "X-API-Key": REDACTED,
      "x-tenant": REDACTED,
      "Idempotency-Key": "d-1",
    });
    expect(outcome.responseHeaders).toEqual({
      "set-cookie": REDACTED,
      "set-cookie2": REDACTED,
      "content-type": "application/json",
      "x-request-id": "r-42",
    });
    expect(JSON.stringify(outcome)).not.toMatch(/t7q|s3ss10n/);
  });
});
