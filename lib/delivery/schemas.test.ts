import { describe, expect, it } from "vitest";
import { customHeadersSchema } from "../integrations/field-schemas";
import { connectionSettingsSchema } from "./schemas";

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
