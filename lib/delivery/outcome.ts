import "server-only";
import { STATUS_CODES } from "node:http";
import { toStorableText } from "../text";
import { diagnose } from "./diagnose";
import type { HttpResponse } from "./http-request";
import { redactHeaders, redactResponseHeaders, scrubSecrets, secretValues } from "./redact";
import { parseRetryAfter } from "./retry-after";
import { presentsClientCert } from "./tls-options";
import type { AttemptOutcome, ConnectionSettings, Failure } from "./types";

export type OutcomeContext = {
  settings: ConnectionSettings;
  method: string;
  /** performance.now() when the attempt began; the outcome's duration covers logins too. */
  started: number;
  timeoutMs: number;
  isSuccess?: (status: number) => boolean;
  /** A token fetched at runtime, masked like the stored secrets. */
  token?: string;
};

export type OutcomeParts = {
  url: string;
  /** As sent; redacted here. */
  headers?: Record<string, string>;
  response?: HttpResponse;
  failure?: Failure;
};

/** Builds the outcome the caller records: success decided, secrets masked, diagnosis attached. */
export function buildOutcome(ctx: OutcomeContext, parts: OutcomeParts): AttemptOutcome {
  const { settings } = ctx;
  const { response } = parts;
  const status = response?.status ?? null;
  const location = response?.headers.location;
  const retryAfterMs = parseRetryAfter(response?.headers["retry-after"]);
  const failure = parts.failure ?? (response ? statusFailure(response.status, location, ctx) : undefined);
  const secrets = secretValues(settings, [ctx.token]);
  // Everything that came from outside is masked and made storable (no NUL, no lone surrogate) before anyone keeps it.
  const clean = (text: string) => toStorableText(scrubSecrets(text, secrets));
  const responseHeaders: Record<string, string> = {};
  // Session cookies from the receiver or a login/token endpoint are credentials too (redactResponseHeaders).
  const answerHeaders = redactResponseHeaders(response?.headers ?? {}, settings, [ctx.token]);
  for (const [name, value] of Object.entries(answerHeaders)) {
    responseHeaders[toStorableText(name)] = toStorableText(value);
  }
  const diagnosis = failure
    ? diagnose({
        status,
        failure,
        location,
        retryAfterMs,
        authType: settings.authType,
        method: ctx.method,
        timeoutMs: ctx.timeoutMs,
        hasClientCert: presentsClientCert(settings),
        responseBody: response?.body.slice(0, 2000),
      })
    : undefined;
  return {
    ok: failure === undefined,
    status,
    url: parts.url,
    method: ctx.method,
    requestHeaders: redactHeaders(parts.headers ?? {}, settings, [ctx.token]),
    responseHeaders,
    responseBody: clean(response?.body ?? ""),
    truncated: response?.truncated ?? false,
    durationMs: Math.round(performance.now() - ctx.started),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    // Text from the receiver or a token endpoint can echo a credential back (a Location with ?key=, an OAuth2
    // error_description quoting the request).
    ...(location !== undefined && { location: clean(location) }),
    ...(failure && {
      error: {
        code: failure.code,
        message: clean(failure.message),
        ...(failure.detail !== undefined && { detail: clean(failure.detail) }),
      },
    }),
    ...(diagnosis && {
      diagnosis: { class: diagnosis.class, cause: clean(diagnosis.cause), fix: clean(diagnosis.fix) },
    }),
  };
}

function statusFailure(
  status: number,
  location: string | undefined,
  ctx: OutcomeContext,
): Failure | undefined {
  if (ctx.isSuccess?.(status) ?? (status >= 200 && status < 300)) return undefined;
  const text = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ""}`;
  if (status >= 300 && status < 400) {
    return {
      code: "redirect",
      message: `${text}: redirect to ${location ?? "(no Location header)"} not followed.`,
    };
  }
  return { code: "http_status", message: `The endpoint answered ${text}.` };
}
