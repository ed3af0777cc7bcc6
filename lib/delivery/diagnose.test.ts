import { describe, expect, it } from "vitest";
import { diagnose } from "./diagnose";
import type { ErrorCode } from "./types";

const status = (s: number, extra: Parameters<typeof diagnose>[0] extends infer T ? Partial<T> : never = {}) =>
  diagnose({ status: s, authType: "api_key", method: "POST", ...extra });
const failure = (code: ErrorCode, reason?: string, extra = {}) =>
  diagnose({
    status: null,
    failure: { code, message: `${code} message`, ...(reason && { reason }) },
    ...extra,
  });

describe("diagnose: HTTP statuses speak the troubleshooting table", () => {
  it("401 is about credentials, named for the auth type", () => {
    expect(status(401)?.cause).toMatch(/API key/);
    expect(status(401, { authType: "basic" })?.fix).toMatch(/username or password/);
    expect(status(401, { authType: "none" })?.cause).toMatch(/requires credentials/);
  });
  it("403 is permissions, 404 the URL, 400 the payload (pointing to Test with user)", () => {
    expect(status(403)?.cause).toMatch(/not allowed/);
    expect(status(404)?.fix).toMatch(/URL/);
    expect(status(400)?.fix).toMatch(/Test with user/);
    expect(status(422)?.fix).toMatch(/Test with user/);
  });
  it("5xx is the receiver's own error", () => {
    expect(status(503)?.cause).toMatch(/on their side/);
  });
  it("3xx shows where it redirects", () => {
    expect(status(301, { location: "https://new.example.com/x" })?.cause).toMatch(
      /https:\/\/new\.example\.com\/x/,
    );
  });
  it("429 mentions the requested wait", () => {
    expect(status(429, { retryAfterMs: 30_000 })?.cause).toMatch(/30 s/);
  });
  it("405 to Test connection's GET is explained as reachable, auth not proven", () => {
    const d = status(405, { method: "GET" });
    expect(d?.cause).toMatch(/reachable/);
    expect(d?.cause).toMatch(/not proven/);
    expect(d?.fix).toMatch(/Test with user/);
    expect(status(405)?.cause).toMatch(/does not accept POST/);
  });
  it("a 2xx outside the success codes says so", () => {
    expect(status(204)?.fix).toMatch(/success codes/);
  });
  it("reads certificate refusals that servers put in 400/403 bodies", () => {
    const nginx = "<html><center>No required SSL certificate was sent</center></html>";
    expect(status(400, { responseBody: nginx })?.cause).toMatch(/client certificate and none/);
    expect(
      status(403, { responseBody: "403.17 client certificate has expired", hasClientCert: true })?.cause,
    ).toMatch(/expired/);
  });
});

describe("diagnose: failures without an answer", () => {
  it("timeout names the slow endpoint and the firewall / IP allow-list", () => {
    const d = failure("timeout", undefined, { timeoutMs: 5000 });
    expect(d?.cause).toMatch(/5 s/);
    expect(d?.cause).toMatch(/firewall or IP allow-list/);
  });
  it("certificate problems name which certificate", () => {
    expect(failure("tls_untrusted", "untrusted")?.fix).toMatch(/CA bundle/);
    expect(failure("tls_untrusted", "hostname")?.cause).toMatch(/different host name/);
    expect(failure("tls_expired", "server_expired")?.cause).toMatch(/server's certificate has expired/);
    expect(failure("tls_client_cert", "missing")?.cause).toMatch(/none was presented/);
    expect(failure("tls_client_cert", "expired", { hasClientCert: true })?.cause).toMatch(/expired/);
    expect(failure("tls_client_cert", "rejected", { hasClientCert: true })?.cause).toMatch(
      /did not accept the client certificate/,
    );
    expect(failure("tls_handshake", "handshake_failure")?.cause).toMatch(/requires a client certificate/);
    expect(failure("tls_handshake", "not_tls")?.cause).toMatch(/does not speak HTTPS/);
  });
  it("DNS failure, refused and reset connections", () => {
    expect(failure("dns", "not_found")?.cause).toMatch(/does not exist/);
    expect(failure("connection_refused")?.fix).toMatch(/port/);
    expect(failure("connection_reset")?.cause).toMatch(/cut off/);
  });
  it("login and OAuth2 failures are named as such", () => {
    expect(diagnose({ status: 401, failure: { code: "login_failed", message: "" } })?.cause).toMatch(
      /login endpoint refused/,
    );
    expect(diagnose({ status: 404, failure: { code: "login_failed", message: "" } })?.cause).toMatch(
      /login URL is wrong/,
    );
    expect(failure("oauth_error", "invalid_client")?.cause).toMatch(/invalid_client/);
    expect(failure("oauth_error", "invalid_scope")?.fix).toMatch(/scope/);
  });
  it("a login endpoint that cannot be reached says why", () => {
    const d = diagnose({
      status: null,
      failure: { code: "login_failed", message: "", cause: { code: "connection_refused", message: "" } },
    });
    expect(d?.cause).toMatch(/login endpoint/);
    expect(d?.cause).toMatch(/connection refused/);
  });
  it("nothing to diagnose for a success", () => {
    expect(diagnose({ status: null })).toBeUndefined();
  });
});

describe("diagnose: every diagnosis names its class (the sync log stores it)", () => {
  it("a 401 is a credentials class, a refused client certificate and a bad payload are two different ones", () => {
    expect(status(401)?.class).toBe("auth_rejected");
    expect(status(401, { authType: "none" })?.class).toBe("auth_missing");
    const certRefused = status(400, {
      authType: "client_cert",
      hasClientCert: true,
      responseBody: "<html>400 The SSL certificate error</html>",
    });
    expect(certRefused?.class).toBe("client_cert_refused");
    expect(status(400, { responseBody: '{"error":"courseName is required"}' })?.class).toBe(
      "payload_rejected",
    );
    expect(status(400, { responseBody: "No required SSL certificate was sent" })?.class).toBe(
      "client_cert_missing",
    );
  });
  it("network and TLS failures keep their reason in the class", () => {
    expect(failure("tls_untrusted", "hostname")?.class).toBe("tls_hostname");
    expect(failure("tls_untrusted")?.class).toBe("tls_untrusted");
    expect(failure("dns", "temporary")?.class).toBe("dns_temporary");
    expect(failure("connection_refused")?.class).toBe("refused");
    expect(failure("tls_client_cert", "expired", { hasClientCert: true })?.class).toBe("client_cert_expired");
  });
  it("a login that could not be reached takes the class of what stopped it", () => {
    const d = diagnose({
      status: null,
      failure: { code: "login_failed", message: "x", cause: { code: "timeout", message: "t" } },
    });
    expect(d?.class).toBe("timeout");
    expect(d?.cause).toMatch(/login endpoint could not be reached/);
  });
});
