import type { Diagnosis } from "./types";

// Diagnoses for the credential side: client certificates, logins and OAuth2 token requests.

export const SEND_LOG = "send them the log entry (request and response)";

/**
 * nginx answers a missing or bad client certificate with 400 ("No required SSL certificate was sent",
 * internally 495/496), IIS with 403.7/403.16/403.17: without this they would read as payload or permission errors.
 */
export function certificateRefusal(status: number, body: string | undefined): string | undefined {
  if (![400, 403, 495, 496].includes(status) || !body || !/certificate/i.test(body)) return undefined;
  if (/expired/i.test(body)) return "expired";
  if (/required|not sent|no required|missing/i.test(body)) return "missing";
  return "rejected";
}

/** A client certificate the receiver did not take: missing, expired or not trusted. */
export function diagnoseClientCert(reason: string | undefined, hasClientCert: boolean): Diagnosis {
  if (!hasClientCert || reason === "missing") {
    return {
      class: "client_cert_missing",
      cause: "The receiver requires a client certificate and none was presented.",
      fix: "Upload the client certificate the receiver issued (.pfx/.p12 with its passphrase, or PEM certificate and key) and enable it.",
    };
  }
  if (reason === "expired") {
    return {
      class: "client_cert_expired",
      cause: "The receiver rejected the client certificate because it has expired.",
      fix: "Ask the receiving system's IT for a new client certificate and upload it in the settings.",
    };
  }
  return {
    class: "client_cert_refused",
    cause:
      "The receiver did not accept the client certificate (it is not issued by a CA they trust, or it was revoked).",
    fix: "Check with the receiving system's IT that this is the certificate they issued for this integration, then upload the right one.",
  };
}

/** A bearer-login failure, by the login endpoint's status. */
export function diagnoseLogin(status: number | null): Diagnosis {
  if (status === 401 || status === 403) {
    return {
      class: "login_rejected",
      cause: `The login endpoint refused the username or password (HTTP ${status}).`,
      fix: "Check the username and password with the receiving system's IT and replace the password in the settings.",
    };
  }
  if (status === 404 || status === 405) {
    return {
      class: "login_not_found",
      cause: `The login URL is wrong: the server has no login endpoint there (HTTP ${status}).`,
      fix: "Check the login URL in the settings against the receiver's documentation.",
    };
  }
  if (status !== null && status >= 200 && status < 300) {
    return {
      class: "login_no_token",
      cause: "The login succeeded but its answer contains no access_token that LMS Sync can read.",
      fix: "Ask the receiving system's IT for the login response format; LMS Sync reads access_token (a string or an object with token and expires_in_seconds).",
    };
  }
  return {
    class: "login_failed",
    cause: `Logging in to get a token failed${status === null ? "" : ` (HTTP ${status})`}.`,
    fix: `Check the login URL and credentials; if they are right, ${SEND_LOG} to the receiving system's IT.`,
  };
}

/** An OAuth2 token failure, by the RFC 6749 error name. */
export function diagnoseOAuth(error: string | undefined, status: number | null): Diagnosis {
  switch (error) {
    case "invalid_client":
      return {
        class: "oauth_client_rejected",
        cause: "The OAuth2 server rejected the client ID or client secret (invalid_client).",
        fix: "Check the client ID and secret, and the client authentication method (Basic header or form post), with the receiver's IT.",
      };
    case "invalid_scope":
      return {
        class: "oauth_scope_refused",
        cause: "The OAuth2 server does not allow the requested scope for this client (invalid_scope).",
        fix: "Correct the scope in the settings, or ask the receiver's IT to grant it to the client.",
      };
    case "unauthorized_client":
    case "unsupported_grant_type":
      return {
        class: "oauth_grant_refused",
        cause: `The OAuth2 client may not use the client-credentials grant (${error}).`,
        fix: "Ask the receiver's IT to enable the client_credentials grant for this client.",
      };
    case "invalid_request":
    case "invalid_target":
      return {
        class: "oauth_request_refused",
        cause: `The OAuth2 server rejected the token request (${error}).`,
        fix: "Check the token URL and scope with the receiver's IT.",
      };
    default:
      return {
        class: "oauth_failed",
        cause: `Fetching an OAuth2 token failed${error ? ` (${error})` : status !== null ? ` (HTTP ${status})` : ""}.`,
        fix: "Check the token URL, client ID and secret; if they are right, send the log entry to the receiver's IT.",
      };
  }
}
