import { describe, expect, it } from "vitest";
import {
  REDACTED,
  redactHeaders,
  redactResponseHeaders,
  scrubSecrets,
  secretForms,
  secretValues,
} from "./redact";

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

  it("masks every secret header by its name in any case, however short its value", () => {
    const out = redactHeaders(
      { "x-tenant": "t7q", "X-Region": "t7q", "X-Org": "" },
      { auth: {}, secrets: {}, secretHeaders: { "X-Tenant": "t7q", "x-ORG": "" } },
    );
    // A short value is masked where the secret header carries it, not everywhere it happens to appear.
    expect(out).toEqual({ "x-tenant": REDACTED, "X-Region": "t7q", "X-Org": REDACTED });
  });
});

describe("redactResponseHeaders", () => {
  it("masks session cookies and echoed credentials, keeps ordinary headers and challenges", () => {
    const out = redactResponseHeaders(
      {
        "set-cookie": "sid=s3ss10n; Path=/; HttpOnly, lang=en; Path=/",
        "Set-Cookie2": 'sid="abc"; Version=1',
        authorization: "Bearer eyJhbGciOi.abc.def",
        "x-tenant": "t7q",
        "www-authenticate": 'Bearer realm="hr", error="invalid_token"',
        "content-type": "application/json",
        "x-note": "key key-123456 refused",
      },
      { auth: {}, secrets: { apiKey: "key-123456" }, secretHeaders: { "X-Tenant": "t7q" } },
    );
    expect(out).toEqual({
      "set-cookie": REDACTED,
      "Set-Cookie2": REDACTED,
      authorization: `Bearer ${REDACTED}`,
      "x-tenant": REDACTED,
      "www-authenticate": 'Bearer realm="hr", error="invalid_token"',
      "content-type": "application/json",
      "x-note": `key ${REDACTED} refused`,
    });
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

describe("secretForms", () => {
  it("gives each secret as a body may carry it: plain, JSON-escaped (with and without \\/), URL- and form-encoded", () => {
    const forms = secretForms(['a/b+c "d"']);
    for (const form of [
      'a/b+c "d"',
      'a/b+c \\"d\\"',
      'a\\/b+c \\"d\\"',
      "a%2Fb%2Bc%20%22d%22",
      "a%2Fb%2Bc+%22d%22",
    ]) {
      expect(forms).toContain(form);
    }
  });
});
