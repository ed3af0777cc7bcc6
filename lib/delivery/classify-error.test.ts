import { describe, expect, it } from "vitest";
import { classifyError } from "./classify-error";

const err = (code: string, message = "boom") => Object.assign(new Error(message), { code });

describe("classifyError", () => {
  it.each([
    ["ENOTFOUND", "dns"],
    ["EAI_AGAIN", "dns"],
    ["ECONNREFUSED", "connection_refused"],
    ["ECONNRESET", "connection_reset"],
    ["UND_ERR_SOCKET", "connection_reset"],
    ["UND_ERR_CONNECT_TIMEOUT", "timeout"],
    ["CERT_HAS_EXPIRED", "tls_expired"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "tls_untrusted"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "tls_untrusted"],
    ["ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED", "tls_client_cert"],
    ["ERR_SSL_TLSV1_ALERT_UNKNOWN_CA", "tls_client_cert"],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "tls_handshake"],
    ["ERR_SSL_SOMETHING_NEW", "tls_handshake"],
    ["ERR_ADDRESS_BLOCKED", "production_refused"],
    ["EWHATEVER", "network"],
  ])("%s → %s", (code, expected) => {
    expect(classifyError(err(code)).code).toBe(expected);
  });

  it("looks through causes and happy-eyeballs AggregateErrors", () => {
    const wrapped = Object.assign(new Error("fetch failed"), { cause: err("ECONNREFUSED") });
    expect(classifyError(wrapped).code).toBe("connection_refused");
    const aggregate = new AggregateError([err("ECONNREFUSED"), err("ECONNREFUSED")], "all failed");
    expect(classifyError(aggregate).code).toBe("connection_refused");
  });

  it("keeps the low-level code in the message", () => {
    expect(classifyError(err("ECONNRESET", "socket hang up")).message).toBe("socket hang up (ECONNRESET)");
    expect(classifyError("not an error").code).toBe("network");
  });
});
