import "server-only";
import { checkUrlAllowed } from "../address-policy";
import { httpRequest } from "../http-request";
import { redactHeaders } from "../redact";
import { USER_AGENT } from "../user-agent";
import type { AuthContext, TokenExchange } from "./types";

type Kind = "login_failed" | "oauth_error";

const LABEL: Record<Kind, string> = { login_failed: "login endpoint", oauth_error: "OAuth2 token endpoint" };

/** POSTs to a login or token endpoint through the integration's pool; the same URL rules as the endpoint apply. */
export async function postForToken(
  ctx: AuthContext,
  kind: Kind,
  request: { url: string; headers: Record<string, string>; body: string },
) {
  const allowed = checkUrlAllowed(request.url);
  if (!allowed.ok) {
    return {
      ok: false as const,
      failure: { code: allowed.code, message: `${LABEL[kind]}: ${allowed.message}`, reason: allowed.reason },
    };
  }
  const headers = { "User-Agent": USER_AGENT, Accept: "application/json", ...request.headers };
  const result = await httpRequest({
    dispatcher: ctx.dispatcher,
    method: "POST",
    url: request.url,
    headers,
    body: request.body,
    timeoutMs: ctx.timeoutMs,
    signal: ctx.signal,
  });
  const response = result.ok ? result : result.response;
  const exchange: TokenExchange = {
    url: request.url,
    method: "POST",
    requestHeaders: redactHeaders(headers, ctx.settings),
    durationMs: result.durationMs,
    ...(response && {
      response: {
        status: response.status,
        headers: response.headers,
        body: response.body,
        truncated: response.truncated,
      },
    }),
  };
  if (!result.ok) {
    const failure = {
      code: kind,
      message: `Could not reach the ${LABEL[kind]} at ${request.url}: ${result.failure.message}`,
      ...(result.failure.detail !== undefined && { detail: result.failure.detail }),
      cause: result.failure,
    };
    return { ok: false as const, failure, exchange };
  }
  return { ok: true as const, status: result.status, json: parseJson(result.body), exchange };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A token endpoint's body must not be shown when it succeeded: it may hold a token we could not read. */
export function withoutBody(exchange: TokenExchange): TokenExchange {
  if (!exchange.response) return exchange;
  const keys = describeKeys(parseJson(exchange.response.body));
  return { ...exchange, response: { ...exchange.response, body: `[body hidden: ${keys}]` } };
}

function describeKeys(json: unknown): string {
  if (json === undefined) return "not JSON";
  if (typeof json !== "object" || json === null || Array.isArray(json)) return `JSON ${typeof json}`;
  return `JSON object with keys ${Object.keys(json).join(", ") || "(none)"}`;
}
