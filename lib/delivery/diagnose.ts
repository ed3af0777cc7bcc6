import { AUTH } from "../integrations/auth-types";
import { getSettings } from "../settings";
import {
  certificateRefusal,
  diagnoseClientCert,
  diagnoseLogin,
  diagnoseOAuth,
  SEND_LOG,
} from "./diagnose-credentials";
import { allowListRequest, allowPhrase } from "./outbound-ips";
import type { AuthType, Diagnosis, Failure } from "./types";

export type DiagnoseInput = {
  status: number | null;
  /** Set when the attempt failed without an HTTP answer, or at login / token fetch. */
  failure?: Failure;
  location?: string;
  retryAfterMs?: number;
  authType?: AuthType;
  /** POST for deliveries; GET or OPTIONS for Test connection. */
  method?: string;
  timeoutMs?: number;
  hasClientCert?: boolean;
  /** The start of the response body: some servers explain certificate refusals there. */
  responseBody?: string;
};

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Explains a failed attempt in an LMS administrator's words, with one concrete fix. */
export function diagnose(input: DiagnoseInput): Diagnosis | undefined {
  if (input.failure) return diagnoseFailure(input.failure, input);
  if (input.status !== null) return diagnoseStatus(input.status, input);
  return undefined;
}

function diagnoseStatus(status: number, input: DiagnoseInput): Diagnosis {
  const auth = AUTH[input.authType ?? "none"];
  const credential = auth.credential;
  const isProbe = input.method !== undefined && input.method !== "POST";
  const certRefusal = certificateRefusal(status, input.responseBody);
  if (certRefusal) return diagnoseClientCert(certRefusal, input.hasClientCert ?? false);
  if (status >= 300 && status < 400) {
    return {
      class: "redirect",
      cause: `The endpoint redirects to ${input.location ?? "another address"} (HTTP ${status}). LMS Sync does not follow redirects, so nothing was delivered.`,
      fix: "Enter the final address as the endpoint URL (often the https:// form or a trailing slash).",
    };
  }
  if (status === 401) {
    if (!auth.secret) {
      return {
        class: "auth_missing",
        cause: "The receiver requires credentials that were not sent (HTTP 401).",
        fix: "Ask the receiving system's IT which authentication they expect and choose that type in the settings.",
      };
    }
    if (auth.fetchesToken) {
      return {
        class: "auth_rejected",
        cause: `The receiver refused the ${credential} (HTTP 401), even though getting the token worked.`,
        fix: "Ask the receiving system's IT whether this account may use the endpoint, and whether the token URL and the endpoint belong to the same system.",
      };
    }
    return {
      class: "auth_rejected",
      cause: `The receiver did not accept the ${credential} (HTTP 401).`,
      fix: `Check the ${credential} with the receiving system's IT, then replace it in the integration settings.`,
    };
  }
  if (status === 403) {
    return {
      class: "forbidden",
      cause:
        "The credentials were accepted, but this account is not allowed to use this endpoint (HTTP 403).",
      fix: `Ask the receiving system's IT to grant the account access to this URL and, if they keep an IP allow-list, to ${allowPhrase(getSettings().outboundIps)}.`,
    };
  }
  if (status === 404 || status === 410) {
    return {
      class: "not_found",
      cause: `The receiving server has no endpoint at this URL (HTTP ${status}).`,
      fix: "Check the endpoint URL's path for typos and compare it with the receiver's documentation; check whether the test and production URLs are swapped.",
    };
  }
  if (status === 405 && isProbe) {
    return {
      class: "method_not_allowed",
      cause: `The endpoint is reachable but does not accept ${input.method} (HTTP 405); it probably accepts only POST. Authentication is not proven by this test.`,
      fix: "Use Test with user to send a real payload and see whether the receiver accepts it.",
    };
  }
  if (status === 405) {
    return {
      class: "method_not_allowed",
      cause: "The endpoint does not accept POST requests (HTTP 405).",
      fix: "Check that the URL is the receiver's endpoint for submitting completions, not a page or a read-only API.",
    };
  }
  if (status === 400 || status === 422) {
    return {
      class: "payload_rejected",
      cause: `The receiver rejected the payload's format or content (HTTP ${status}).`,
      fix: "Open Test with user to see the payload and the receiver's answer side by side, then adjust the field mapping.",
    };
  }
  if (status === 413) {
    return {
      class: "payload_too_large",
      cause: "The receiver says the payload is too large (HTTP 413).",
      fix: "Remove fields the receiver does not need from the mapping, or ask its IT to raise the limit.",
    };
  }
  if (status === 415) {
    return {
      class: "unsupported_media_type",
      cause: "The receiver does not accept JSON (HTTP 415).",
      fix: "Ask the receiving system's IT whether the endpoint takes application/json; LMS Sync sends only JSON.",
    };
  }
  if (status === 408 || status === 429) {
    const wait =
      input.retryAfterMs !== undefined ? ` and asked to wait ${Math.ceil(input.retryAfterMs / 1000)} s` : "";
    return {
      class: "rate_limited",
      cause: `The receiver is limiting requests (HTTP ${status})${wait}.`,
      fix: "Nothing to change: the delivery is retried later. If it keeps happening, ask the receiver to raise the rate limit.",
    };
  }
  if (status >= 500) {
    return {
      class: "server_error",
      cause: `The receiving system had an error of its own (HTTP ${status}); the problem is on their side.`,
      fix: `Deliveries are retried automatically. If it persists, ${SEND_LOG} to the receiving system's IT.`,
    };
  }
  if (status >= 200 && status < 300) {
    return {
      class: "status_not_success",
      cause: `The receiver answered HTTP ${status}, which is not in this integration's success codes.`,
      fix: "Add the code to the success codes in the settings if the receiver uses it for success.",
    };
  }
  return {
    class: "http_refused",
    cause: `The receiver refused the request (HTTP ${status}).`,
    fix: `Read the response body for the receiver's reason, or ${SEND_LOG} to the receiving system's IT.`,
  };
}

function diagnoseFailure(failure: Failure, input: DiagnoseInput): Diagnosis {
  if ((failure.code === "login_failed" || failure.code === "oauth_error") && failure.cause) {
    const inner = diagnoseFailure(failure.cause, input);
    const endpoint = failure.code === "login_failed" ? "login endpoint" : "OAuth2 token endpoint";
    return {
      class: inner.class,
      cause: `The ${endpoint} could not be reached. ${inner.cause}`,
      fix: inner.fix,
    };
  }
  const seconds = Math.round((input.timeoutMs ?? 30_000) / 1000);
  switch (failure.code) {
    case "timeout":
      return {
        class: "timeout",
        cause: `The endpoint did not answer within ${seconds} s: either it is very slow, or a firewall or IP allow-list is silently dropping the connection.`,
        fix: `${capitalised(allowListRequest(getSettings().outboundIps))}, and to check the endpoint's response time; raise the timeout if it is just slow.`,
      };
    case "dns":
      return failure.reason === "temporary"
        ? {
            class: "dns_temporary",
            cause: "The host name could not be looked up right now (temporary DNS failure).",
            fix: "Retry later; if it persists, check this server's DNS settings.",
          }
        : {
            class: "dns_not_found",
            cause: "The host name in the URL does not exist (DNS lookup failed).",
            fix: "Check the URL's host name for typos; an internal name must be resolvable from the LMS server.",
          };
    case "connection_refused":
      return {
        class: "refused",
        cause: "The server exists but nothing accepts connections on this port (connection refused).",
        fix: "Check the port in the URL (https uses 443) and ask the receiving system's IT whether the service is running.",
      };
    case "connection_reset":
      return {
        class: "reset",
        cause: "The connection was cut off before an answer arrived (connection reset).",
        fix: "Often a firewall or proxy in between, or the receiver crashing on the request; ask the receiving system's IT to check their logs for this time.",
      };
    case "tls_untrusted":
      return failure.reason === "hostname"
        ? {
            class: "tls_hostname",
            cause: "The server's certificate is issued for a different host name than the one in the URL.",
            fix: "Use the host name the certificate names (see Test connection's TLS stage), or ask the receiver for a certificate that covers this name.",
          }
        : {
            class: "tls_untrusted",
            cause:
              "The server's certificate is not trusted: it is self-signed or issued by a private certificate authority.",
            fix: "Paste the receiver's CA certificate (PEM) into the custom CA bundle setting, or ask them for a certificate from a public CA.",
          };
    case "tls_expired":
      return failure.reason === "server_not_yet_valid"
        ? {
            class: "tls_not_yet_valid",
            cause: "The server's certificate is not valid yet (its start date is in the future).",
            fix: "Ask the receiving system's IT to check the certificate and their server clock.",
          }
        : {
            class: "tls_expired",
            cause: "The server's certificate has expired.",
            fix: "Ask the receiving system's IT to renew their server certificate.",
          };
    case "tls_client_cert":
      return diagnoseClientCert(failure.reason, input.hasClientCert ?? false);
    case "tls_handshake":
      if (failure.reason === "not_tls") {
        return {
          class: "not_tls",
          cause: "The server does not speak HTTPS on this port.",
          fix: "Check the URL: the port may be for plain http, or the scheme should be different.",
        };
      }
      if (failure.reason === "handshake_failure" && !input.hasClientCert) {
        return diagnoseClientCert("missing", false);
      }
      return {
        class: "tls_handshake",
        cause: "The secure connection could not be set up (TLS handshake failed).",
        fix: `The receiver may require a client certificate or a newer TLS version; ${SEND_LOG} to their IT.`,
      };
    case "login_failed":
      return diagnoseLogin(input.status);
    case "oauth_error":
      return diagnoseOAuth(failure.reason, input.status);
    case "production_refused":
      return {
        class: "address_refused",
        cause: failure.message,
        fix:
          failure.reason === "private_address"
            ? "Use the receiver's public HTTPS address, or ask the operator to add this host to ALLOWED_PRIVATE_HOSTS."
            : "Use an https:// URL and a real authentication type for production endpoints.",
      };
    case "config":
      return {
        class: "config",
        cause: failure.message,
        fix: "Complete the integration's connection settings and save them.",
      };
    case "aborted":
      return {
        class: "aborted",
        cause: "The attempt was cancelled before it finished.",
        fix: "Run it again.",
      };
    case "network":
      return {
        class: "network",
        cause: "The network between this server and the receiver did not let the connection through.",
        fix: "Ask this server's operator whether outgoing connections to the receiver are allowed (firewall, proxy, routing).",
      };
    case "http_status":
    case "redirect":
      return diagnoseStatus(input.status ?? 0, input);
    default: {
      const unreachable: never = failure.code;
      return { class: "network", cause: String(unreachable), fix: SEND_LOG };
    }
  }
}
