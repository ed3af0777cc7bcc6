import type { ErrorCode, Failure } from "./types";

/** Error code our connect-time address guard raises (see address-policy.ts). */
export const ADDRESS_BLOCKED = "ERR_ADDRESS_BLOCKED";

type Rule = { codes: readonly string[]; code: ErrorCode; reason?: string };

// Ordered: the first rule naming the low-level code wins.
const RULES: readonly Rule[] = [
  { codes: [ADDRESS_BLOCKED], code: "production_refused", reason: "private_address" },
  { codes: ["ENOTFOUND", "EAI_NONAME", "EAI_FAIL", "EAI_NODATA"], code: "dns", reason: "not_found" },
  { codes: ["EAI_AGAIN"], code: "dns", reason: "temporary" },
  { codes: ["ECONNREFUSED"], code: "connection_refused" },
  { codes: ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "ECONNABORTED"], code: "connection_reset" },
  {
    codes: ["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"],
    code: "timeout",
  },
  { codes: ["EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"], code: "network", reason: "unreachable" },
  { codes: ["CERT_HAS_EXPIRED"], code: "tls_expired", reason: "server_expired" },
  { codes: ["CERT_NOT_YET_VALID"], code: "tls_expired", reason: "server_not_yet_valid" },
  { codes: ["ERR_TLS_CERT_ALTNAME_INVALID", "HOSTNAME_MISMATCH"], code: "tls_untrusted", reason: "hostname" },
  {
    codes: [
      "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      "UNABLE_TO_GET_ISSUER_CERT",
      "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
      "SELF_SIGNED_CERT_IN_CHAIN",
      "DEPTH_ZERO_SELF_SIGNED_CERT",
      "CERT_UNTRUSTED",
      "CERT_SIGNATURE_FAILURE",
      "CERT_REVOKED",
      "INVALID_CA",
      "CERT_REJECTED",
    ],
    code: "tls_untrusted",
    reason: "untrusted",
  },
  { codes: ["ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED"], code: "tls_client_cert", reason: "missing" },
  { codes: ["ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED"], code: "tls_client_cert", reason: "expired" },
  { codes: ["ERR_SSL_TLSV1_ALERT_UNKNOWN_CA"], code: "tls_client_cert", reason: "unknown_ca" },
  {
    codes: [
      "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE",
      "ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN",
      "ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE",
      "ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED",
      "ERR_SSL_TLSV1_ALERT_ACCESS_DENIED",
      "ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR",
    ],
    code: "tls_client_cert",
    reason: "rejected",
  },
  // TLS 1.2 servers answer a missing client certificate with a bare handshake failure.
  { codes: ["ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE"], code: "tls_handshake", reason: "handshake_failure" },
  {
    codes: ["ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG", "ERR_SSL_HTTP_REQUEST"],
    code: "tls_handshake",
    reason: "not_tls",
  },
];

type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

/** The error, its causes and (for happy-eyeballs AggregateErrors) its parts, outermost first. */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 20) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null) continue;
    const e = next as ErrorLike;
    chain.push(e);
    if (e.cause !== undefined) queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return chain;
}

/** Maps a network/TLS error from node or undici to a stable failure code. */
export function classifyError(error: unknown): Failure {
  const chain = errorChain(error);
  const codes = chain.map((e) => (typeof e.code === "string" ? e.code : ""));
  for (const rule of RULES) {
    const index = codes.findIndex((c) => rule.codes.includes(c));
    if (index === -1) continue;
    const source = chain[index];
    return {
      code: rule.code,
      message: describeError(source, codes[index]),
      ...(rule.reason && { reason: rule.reason }),
    };
  }
  const ssl = codes.findIndex((c) => c.startsWith("ERR_SSL_") || c.startsWith("ERR_TLS_"));
  if (ssl !== -1)
    return { code: "tls_handshake", message: describeError(chain[ssl], codes[ssl]), reason: "other" };
  const undiciArg = codes.includes("UND_ERR_INVALID_ARG");
  if (undiciArg) return { code: "config", message: describeError(chain[0], "UND_ERR_INVALID_ARG") };
  return { code: "network", message: describeError(chain[0], codes.find(Boolean)) };
}

function describeError(error: ErrorLike | undefined, code: string | undefined): string {
  const message =
    typeof error?.message === "string" && error.message !== "" ? error.message : "network error";
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
