import { describe, expect, it } from "vitest";
import { authSettingsSchema, connectionSettingsSchema, customHeadersSchema } from "./schemas";

const base = {
  integrationId: "5f0c3a8e-6a8f-4f57-9d55-3f5b7f3a1c11",
  version: "v1",
  endpointUrl: "https://hr.example.com/api",
  authType: "api_key",
  auth: {},
  secrets: { apiKey: "k" },
};

describe("connectionSettingsSchema", () => {
  it("accepts complete settings", () => {
    expect(
      connectionSettingsSchema.safeParse({ ...base, successCodes: "200-299,304", timeoutMs: 5000 }).success,
    ).toBe(true);
  });

  it("refuses a bad success-code spec, timeout or URL with readable messages", () => {
    const bad = connectionSettingsSchema.safeParse({
      ...base,
      successCodes: "2xx,abc",
      timeoutMs: 500,
      endpointUrl: "hr",
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message).join(" | ");
    expect(messages).toMatch(/"abc" is not a status code/);
    expect(messages).toMatch(/at least 1 second/);
    expect(messages).toMatch(/full URL/);
  });
});

describe("customHeadersSchema", () => {
  it("refuses reserved names, invalid names and line breaks", () => {
    expect(customHeadersSchema.safeParse({ "X-Tenant": "acme" }).success).toBe(true);
    expect(customHeadersSchema.safeParse({ "content-type": "text/plain" }).success).toBe(false);
    expect(customHeadersSchema.safeParse({ Authorization: "x" }).success).toBe(false);
    expect(customHeadersSchema.safeParse({ "Bad Name": "x" }).success).toBe(false);
    expect(customHeadersSchema.safeParse({ "X-Evil": "a\r\nX-Injected: 1" }).success).toBe(false);
  });
});

describe("authSettingsSchema", () => {
  it("requires each type's own settings", () => {
    const result = authSettingsSchema.safeParse({ authType: "oauth2", auth: { clientId: "lms" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["auth.tokenUrl"]);
    expect(
      authSettingsSchema.safeParse({ authType: "bearer_login", auth: { loginUrl: "https://x.test/login" } })
        .success,
    ).toBe(false);
    expect(authSettingsSchema.safeParse({ authType: "basic", auth: { username: "lms" } }).success).toBe(true);
  });
});
