import type { ErrorCode, Failure } from "./types";

/** Error code our connect-time address guard raises (see address-policy.ts). */
export const ADDRESS_BLOCKED = "ERR_ADDRESS_BLOCKED";

type ErrorLike = {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
  cert?: unknown;
};

/** A failure in words for people; the library's own text goes to `detail`. */
type Rule = { codes: readonly string[]; code: ErrorCode; reason?: string; say: (e: ErrorLike) => string };

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/** The names a certificate (as node describes a peer's) is issued for: its DNS and IP alternative names, else its CN. */
export function certificateNames(cert: unknown): string | undefined {
  const c = cert as { subjectaltname?: unknown; subject?: { CN?: unknown } } | undefined;
  const alt = text(c?.subjectaltname)
    ?.split(",")
    .map((n) => n.trim().replace(/^(DNS|IP Address):/, ""))
    .join(", ");
  return alt || text(c?.subject?.CN);
}

const at = (e: ErrorLike) => {
  const address = text(e.address);
  return address ? ` at ${address}${typeof e.port === "number" ? `:${e.port}` : ""}` : "";
};

// Ordered: the first rule naming the low-level code wins.
const RULES: readonly Rule[] = [
  // Our own guard's text is already in words.
  {
    codes: [ADDRESS_BLOCKED],
    code: "production_refused",
    reason: "private_address",
    say: (e) => String(e.message),
  },
  {
    codes: ["ENOTFOUND", "EAI_NONAME", "EAI_FAIL", "EAI_NODATA"],
    code: "dns",
    reason: "not_found",
    say: (e) => `The host name ${text(e.hostname) ?? "in the URL"} does not exist (DNS lookup failed).`,
  },
  {
    codes: ["EAI_AGAIN"],
    code: "dns",
    reason: "temporary",
    say: (e) => `The host name ${text(e.hostname) ?? "in the URL"} could not be looked up just now (DNS).`,
  },
  {
    codes: ["ECONNREFUSED"],
    code: "connection_refused",
    say: (e) => `The receiver refused the connection: nothing accepts connections${at(e)}.`,
  },
  {
    codes: ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "ECONNABORTED"],
    code: "connection_reset",
    say: () => "The connection was closed before the receiver answered.",
  },
  {
    codes: ["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT"],
    code: "timeout",
    say: (e) => `No connection to the receiver${at(e)} could be opened in time.`,
  },
  {
    codes: ["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"],
    code: "timeout",
    say: () => "The receiver did not answer in time.",
  },
  {
    codes: ["EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"],
    code: "network",
    reason: "unreachable",
    say: (e) => `The receiver${at(e)} cannot be reached from this server's network.`,
  },
  {
    codes: ["CERT_HAS_EXPIRED"],
    code: "tls_expired",
    reason: "server_expired",
    say: () => "The receiver's certificate has expired.",
  },
  {
    codes: ["CERT_NOT_YET_VALID"],
    code: "tls_expired",
    reason: "server_not_yet_valid",
    say: () => "The receiver's certificate is not valid yet.",
  },
  {
    codes: ["ERR_TLS_CERT_ALTNAME_INVALID", "HOSTNAME_MISMATCH"],
    code: "tls_untrusted",
    reason: "hostname",
    say: (e) => hostnameMismatch(certificateNames(e.cert)),
  },
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
    say: () =>
      "The receiver's certificate is not trusted: it is self-signed or issued by a certificate authority this server does not know.",
  },
  {
    codes: ["ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED"],
    code: "tls_client_cert",
    reason: "missing",
    say: () => "The receiver requires a client certificate.",
  },
  {
    codes: ["ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED"],
    code: "tls_client_cert",
    reason: "expired",
    say: () => "The receiver says the client certificate has expired.",
  },
  {
    codes: ["ERR_SSL_TLSV1_ALERT_UNKNOWN_CA"],
    code: "tls_client_cert",
    reason: "unknown_ca",
    say: () => "The receiver does not trust the authority that issued the client certificate.",
  },
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
    say: () => "The receiver refused the client certificate.",
  },
  // TLS 1.2 servers answer a missing client certificate with a bare handshake failure.
  {
    codes: ["ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE"],
    code: "tls_handshake",
    reason: "handshake_failure",
    say: () => "The receiver refused the secure connection (TLS handshake failure).",
  },
  {
    codes: ["ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG", "ERR_SSL_HTTP_REQUEST"],
    code: "tls_handshake",
    reason: "not_tls",
    say: () => "The receiver does not speak TLS on this port.",
  },
];

/** The words for a certificate issued for other names than the URL's; `names` when they are known. */
export function hostnameMismatch(names: string | undefined): string {
  const isFor = names ? ` (it is for ${names})` : "";
  return `The host name in the URL does not match the receiver's certificate${isFor}.`;
}

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

/**
 * Maps a network/TLS error from node or undici to a stable failure code and says it in words; the library's own
 * text (OpenSSL's, undici's) is kept as `detail`, for the log entry's technical details only.
 */
export function classifyError(error: unknown): Failure {
  const chain = errorChain(error);
  const codes = chain.map((e) => (typeof e.code === "string" ? e.code : ""));
  for (const rule of RULES) {
    const index = codes.findIndex((c) => rule.codes.includes(c));
    if (index === -1) continue;
    const source = chain[index]!;
    return failure(rule.code, rule.say(source), describeError(source, codes[index]), rule.reason);
  }
  const ssl = codes.findIndex((c) => c.startsWith("ERR_SSL_") || c.startsWith("ERR_TLS_"));
  if (ssl !== -1) {
    const message = "The secure connection to the receiver could not be set up (TLS).";
    return failure("tls_handshake", message, describeError(chain[ssl], codes[ssl]), "other");
  }
  if (codes.includes("UND_ERR_INVALID_ARG")) {
    const message = "The request could not be sent as it is: a header or the URL is not valid.";
    return failure("config", message, describeError(chain[0], "UND_ERR_INVALID_ARG"));
  }
  const message = "The connection to the receiver failed.";
  return failure("network", message, describeError(chain[0], codes.find(Boolean)));
}

function failure(code: ErrorCode, message: string, detail: string, reason?: string): Failure {
  return { code, message, ...(detail !== message && { detail }), ...(reason && { reason }) };
}

/** The library's text with its code, as it would have been shown before: for technical details. */
function describeError(error: ErrorLike | undefined, code: string | undefined): string {
  const message = text(error?.message) ?? "network error";
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
