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

  it("says each failure in words, and keeps the library's text with its code only as the detail", () => {
    const reset = classifyError(err("ECONNRESET", "socket hang up"));
    expect(reset.message).toBe("The connection was closed before the receiver answered.");
    expect(reset.detail).toBe("socket hang up (ECONNRESET)");
    const openssl =
      "80CC10C2117F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:354:";
    const notTls = classifyError(err("ERR_SSL_WRONG_VERSION_NUMBER", openssl));
    expect(notTls.message).toBe("The receiver does not speak TLS on this port.");
    expect(notTls.detail).toContain("wrong version number");
    const dns = classifyError(
      Object.assign(err("ENOTFOUND", "getaddrinfo ENOTFOUND hr.exmaple.com"), { hostname: "hr.exmaple.com" }),
    );
    expect(dns.message).toBe("The host name hr.exmaple.com does not exist (DNS lookup failed).");
    const refused = classifyError(
      Object.assign(err("ECONNREFUSED", "connect ECONNREFUSED 10.1.2.3:8443"), {
        address: "10.1.2.3",
        port: 8443,
      }),
    );
    expect(refused.message).toBe(
      "The receiver refused the connection: nothing accepts connections at 10.1.2.3:8443.",
    );
    const mismatch = classifyError(
      Object.assign(
        err("ERR_TLS_CERT_ALTNAME_INVALID", "Hostname/IP does not match certificate's altnames"),
        { cert: { subjectaltname: "DNS:hr.example.com, IP Address:10.0.0.1" } },
      ),
    );
    expect(mismatch.message).toBe(
      "The host name in the URL does not match the receiver's certificate (it is for hr.example.com, 10.0.0.1).",
    );
    expect(classifyError("not an error")).toMatchObject({
      code: "network",
      message: "The connection to the receiver failed.",
    });
  });

  it("has words, never library text, for every code it knows", () => {
    const known = [
      "ENOTFOUND",
      "EAI_AGAIN",
      "ECONNREFUSED",
      "ECONNRESET",
      "UND_ERR_CONNECT_TIMEOUT",
      "UND_ERR_HEADERS_TIMEOUT",
      "EHOSTUNREACH",
      "CERT_HAS_EXPIRED",
      "CERT_NOT_YET_VALID",
      "ERR_TLS_CERT_ALTNAME_INVALID",
      "SELF_SIGNED_CERT_IN_CHAIN",
      "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED",
      "ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED",
      "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA",
      "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE",
      "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE",
      "ERR_SSL_WRONG_VERSION_NUMBER",
      "ERR_SSL_SOMETHING_NEW",
      "UND_ERR_INVALID_ARG",
      "EWHATEVER",
    ];
    for (const code of known) {
      const failure = classifyError(err(code, "LIBRARY TEXT"));
      expect(failure.message).not.toContain("LIBRARY TEXT");
      expect(failure.message).not.toContain(code);
      expect(failure.message).toMatch(/^[A-Z].*\.$/);
      expect(failure.detail).toBe(`LIBRARY TEXT (${code})`);
    }
  });
});
