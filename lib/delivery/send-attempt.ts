import "server-only";
import { type Clock, systemClock } from "../clock";
import { type AuthResult, resolveAuth } from "./auth";
import { explainCertificate } from "./explain-certificate";
import { httpRequest } from "./http-request";
import { buildOutcome, type OutcomeContext } from "./outcome";
import { type Prepared, prepare } from "./prepare";
import { signatureHeaders } from "./sign-request";
import { explainReset } from "./tls-close-check";
import type { AttemptOutcome, ConnectionSettings, Target } from "./types";
import { USER_AGENT } from "./user-agent";

export type SendAttemptInput = {
  settings: ConnectionSettings;
  target: Target;
  /** Stable per delivery, so a receiver can drop a repeat. */
  idempotencyKey: string;
  signal?: AbortSignal;
  /** When cached tokens expire (the system clock unless a test moves one forward). */
  clock?: Clock;
} & (
  | {
      /** Any JSON value; serialised once, exactly as sent. */
      body: unknown;
    }
  | {
      /** The body already serialised (a sync logs these exact bytes): sent as given. */
      json: string;
    }
);

export type ExchangeRequest = {
  method: "POST" | "GET" | "OPTIONS";
  body?: string;
  idempotencyKey?: string;
  signal?: AbortSignal;
  clock?: Clock;
  started: number;
  /**
   * On a 401 with a cached token, fetch a new one and send once more (the default). Off when the token was fetched
   * just now (Test connection proves the credentials first): a second login would prove nothing new.
   */
  retryOn401?: boolean;
};

/** Sends one delivery exactly as production does and returns its outcome; never throws for a failed delivery. */
export async function sendAttempt(input: SendAttemptInput): Promise<AttemptOutcome> {
  const started = performance.now();
  const prepared = prepare(input.settings, input.target);
  const ctx: OutcomeContext = { settings: input.settings, method: "POST", started, timeoutMs: 0 };
  if (!prepared.ok) {
    return buildOutcome({ ...ctx, settings: prepared.settings ?? input.settings }, prepared);
  }
  const body = "json" in input ? input.json : serialise(input.body);
  if (body === undefined || /[\r\n]/.test(input.idempotencyKey)) {
    const message =
      body === undefined
        ? "The payload cannot be serialised as JSON."
        : "The idempotency key contains a line break.";
    return buildOutcome(
      { ...ctx, settings: prepared.settings, timeoutMs: prepared.timeoutMs },
      { url: prepared.url, failure: { code: "config", message } },
    );
  }
  return exchange(prepared, {
    method: "POST",
    body,
    idempotencyKey: input.idempotencyKey,
    signal: input.signal,
    clock: input.clock,
    started,
  });
}

function serialise(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Sets a header, replacing one of the same name in any case. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const existing of Object.keys(headers)) {
    if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
  }
  headers[name] = value;
}

/**
 * The headers a request carries before its credentials are added, in the order they matter: custom ones first so
 * ours always win. (A sync logs them as a request's headers before it leaves.)
 */
export function headersBeforeAuth(
  settings: ConnectionSettings,
  req: { body?: string; idempotencyKey?: string },
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings.customHeaders ?? {})) setHeader(headers, name, value);
  for (const [name, value] of Object.entries(settings.secretHeaders ?? {})) setHeader(headers, name, value);
  setHeader(headers, "User-Agent", USER_AGENT);
  if (req.body !== undefined) setHeader(headers, "Content-Type", "application/json");
  if (req.idempotencyKey) setHeader(headers, "Idempotency-Key", req.idempotencyKey);
  return headers;
}

/** The request's headers: those before auth, then auth's, which win. */
function buildHeaders(
  p: Prepared,
  auth: Record<string, string>,
  req: ExchangeRequest,
): Record<string, string> {
  const headers = headersBeforeAuth(p.settings, req);
  for (const [name, value] of Object.entries(auth)) setHeader(headers, name, value);
  // Signed last and at sending, so no header can replace the signature and a retry carries a fresh timestamp.
  const signed = signatureHeaders(p.settings, req, (req.clock ?? systemClock).now());
  for (const [name, value] of Object.entries(signed ?? {})) setHeader(headers, name, value);
  return headers;
}

/**
 * The one send path behind sendAttempt and Test connection: auth, the request, and one new login
 * when a cached token is refused with 401 (tokens can be revoked before they expire).
 */
export async function exchange(p: Prepared, req: ExchangeRequest): Promise<AttemptOutcome> {
  const authCtx = {
    settings: p.settings,
    dispatcher: p.agent,
    timeoutMs: p.timeoutMs,
    signal: req.signal,
    clock: req.clock,
  };
  const ctx: OutcomeContext = {
    settings: p.settings,
    method: req.method,
    started: req.started,
    timeoutMs: p.timeoutMs,
    isSuccess: p.isSuccess,
  };
  const send = async (auth: AuthResult & { ok: true }) => {
    const headers = buildHeaders(p, auth.headers, req);
    const result = await httpRequest({
      dispatcher: p.agent,
      method: req.method,
      url: p.url,
      headers,
      body: req.body,
      timeoutMs: p.timeoutMs,
      signal: req.signal,
    });
    return { headers, result };
  };
  let auth = await resolveAuth(authCtx);
  if (!auth.ok) return authFailureOutcome(ctx, p.url, auth);
  let sent = await send(auth);
  if (sent.result.ok && sent.result.status === 401 && auth.token?.fromCache && req.retryOn401 !== false) {
    auth = await resolveAuth(authCtx, { forceRefresh: true });
    if (!auth.ok) return authFailureOutcome(ctx, p.url, auth);
    sent = await send(auth);
  }
  const { result, headers } = sent;
  const outcomeCtx = { ...ctx, token: auth.token?.value };
  if (result.ok) return buildOutcome(outcomeCtx, { url: p.url, headers, response: result });
  if (result.response) {
    return buildOutcome(outcomeCtx, {
      url: p.url,
      headers,
      failure: result.failure,
      response: result.response,
    });
  }
  // A failure without an answer gets a second look: a reset that was a refused client certificate, the dates or
  // names of a refused server certificate.
  const failure = await explainCertificate(p, await explainReset(p, result.failure));
  return buildOutcome(outcomeCtx, { url: p.url, headers, failure });
}

/** A login or token failure is reported as itself, with the token endpoint's own status and body. */
export function authFailureOutcome(ctx: OutcomeContext, url: string, auth: AuthResult & { ok: false }) {
  const { exchange: tokenExchange, failure } = auth;
  return buildOutcome(tokenExchange ? { ...ctx, method: tokenExchange.method } : ctx, {
    url: tokenExchange?.url ?? url,
    headers: tokenExchange?.requestHeaders,
    failure,
    ...(tokenExchange?.response && { response: tokenExchange.response }),
  });
}
