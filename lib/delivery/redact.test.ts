import { describe, expect, it } from "vitest";
import { REDACTED, redactHeaders, scrubSecrets, secretValues } from "./redact";

const settings = {
  auth: { headerName: "X-Tenant-Key", username: "lms", clientId: "client one" },
  secrets: { apiKey: "key-123456", password: "pa ss:wörd", clientSecret: "s3cr3t/+=" },
};

describe("redactHeaders", () => {
  it("masks credentials but keeps the auth scheme visible", () => {
    const out = redactHeaders(
      {
        Authorization: "Bearer eyJhbGciOi.abc.def",
        "Proxy-Authorization": "Basic Zm9vOmJhcg==",
        "X-Tenant-Key": "key-123456",
        "X-Session-Token": "anything",
        Cookie: "sid=1",
        "Content-Type": "application/json",
        "Idempotency-Key": "d-1",
      },
      settings,
    );
    expect(out).toEqual({
      Authorization: `Bearer ${REDACTED}`,
      "Proxy-Authorization": `Basic ${REDACTED}`,
      "X-Tenant-Key": REDACTED,
      "X-Session-Token": REDACTED,
      Cookie: REDACTED,
      "Content-Type": "application/json",
      "Idempotency-Key": "d-1",
    });
  });

  it("masks the default API key header and secrets hidden in harmless-looking headers", () => {
    const out = redactHeaders(
      { "x-api-key": "abc", "X-Note": "uses key-123456 today" },
      { auth: {}, secrets: { apiKey: "key-123456" } },
    );
    expect(out).toEqual({ "x-api-key": REDACTED, "X-Note": `uses ${REDACTED} today` });
  });

  it("masks extra runtime secrets such as fetched tokens", () => {
    const out = redactHeaders({ "X-Echo": "tok-abcdef" }, { auth: {}, secrets: {} }, ["tok-abcdef"]);
    expect(out["X-Echo"]).toBe(REDACTED);
  });
});

describe("secretValues / scrubSecrets", () => {
  it("includes the encodings that travel on the wire", () => {
    const values = secretValues(settings);
    expect(values).toContain("key-123456");
    expect(values).toContain(Buffer.from("lms:pa ss:wörd").toString("base64"));
    expect(values).toContain(Buffer.from("client+one:s3cr3t%2F%2B%3D").toString("base64"));
    expect(values).toContain("s3cr3t%2F%2B%3D");
  });

  it("replaces every occurrence and ignores very short values", () => {
    expect(scrubSecrets("a key-123456 b key-123456", ["key-123456"])).toBe(`a ${REDACTED} b ${REDACTED}`);
    expect(secretValues({ auth: {}, secrets: { apiKey: "abc" } })).toEqual([]);
  });
});
