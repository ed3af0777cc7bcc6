import type { z } from "zod";
import type { AuthTypeName } from "../integrations/auth-types";
import type { Diagnosis } from "./model";
import type { connectionSettingsSchema } from "./schemas";

export type AuthType = AuthTypeName;

/** An integration's connection as the delivery code sees it (secrets decrypted by the caller). */
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

export type Target = "production" | "test";

/** Stable machine-readable failure codes; the UI and the sync log filter on them. */
export type ErrorCode =
  | "timeout"
  | "dns"
  | "connection_refused"
  | "connection_reset"
  | "tls_untrusted"
  | "tls_client_cert"
  | "tls_expired"
  | "tls_handshake"
  | "http_status"
  | "redirect"
  | "login_failed"
  | "oauth_error"
  | "production_refused"
  | "config"
  | "aborted"
  | "network";

export type { Diagnosis, DiagnosisClass } from "./model";

/**
 * A failure before or instead of an HTTP answer. `message` says it in words; `detail` keeps the library's own text
 * (OpenSSL, undici, node) for the log entry's technical details only. `reason` refines the code for the diagnosis;
 * `cause` is the network failure underneath a login or token request that never got an answer.
 */
export type Failure = { code: ErrorCode; message: string; detail?: string; reason?: string; cause?: Failure };

export type AttemptOutcome = {
  ok: boolean;
  status: number | null;
  url: string;
  method?: string;
  /** As sent, with secrets replaced by `[redacted]`. */
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  responseBody: string;
  truncated: boolean;
  durationMs: number;
  retryAfterMs?: number;
  location?: string;
  /** `code` is one of ErrorCode for outcomes made here; typed as string so callers can add their own. */
  error?: { code: ErrorCode | (string & {}); message: string; detail?: string };
  diagnosis?: Diagnosis;
};

export type CertificateInfo = {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
  expiresInDays: number;
};

export type StageName = "dns" | "connect" | "tls" | "token" | "http";

export type TestStage = {
  name: StageName;
  ok: boolean;
  durationMs: number;
  detail: string;
  certificate?: { subject: string; issuer: string; validTo: string };
};

export type TestConnectionResult = {
  /** True when the endpoint answered in a way that proves the connection works (see `verdict`). */
  ok: boolean;
  /** `reachable`: the endpoint answered but authentication is not proven (e.g. 405 to GET). */
  verdict: "passed" | "reachable" | "failed";
  url: string;
  method: "GET" | "OPTIONS";
  stages: TestStage[];
  outcome?: AttemptOutcome;
  diagnosis?: Diagnosis;
  /** This server's address on the test's TCP connection, as its socket sees it (NAT or a proxy may change it). */
  localAddress?: string;
};
