import "server-only";
import { createHash } from "node:crypto";
import { systemClock } from "../../clock";
import { AUTH, missingAuthSettings } from "../../integrations/auth-types";
import { getSettings } from "../../settings";
import { getToken } from "../token-cache";
import type { AuthType, ConnectionSettings } from "../types";
import { fetchLoginToken } from "./bearer-login";
import { fetchOAuthToken } from "./oauth2";
import { apiKeyAuth, basicAuth, bearerAuth } from "./static";
import type { AuthContext, AuthResult, TokenFetch } from "./types";

export type { AuthContext, AuthFailure, AuthResult, AuthToken, TokenExchange } from "./types";

/** Auth types that fetch a token first (and may fetch a new one after a 401). */
export function hasToken(authType: AuthType): boolean {
  return AUTH[authType].fetchesToken;
}

/** Hash of every setting a token depends on; part of the token cache key. */
function tokenKey(settings: ConnectionSettings): string {
  const { auth, secrets, authType, version } = settings;
  const inputs = [authType, version, auth.loginUrl, auth.username, auth.usernameField, auth.passwordField];
  inputs.push(
    auth.tokenUrl,
    auth.clientId,
    auth.scope,
    auth.clientAuthMethod,
    secrets.password,
    secrets.clientSecret,
  );
  return createHash("sha256").update(JSON.stringify(inputs)).digest("base64url");
}

async function tokenAuth(
  ctx: AuthContext,
  fetch: (ctx: AuthContext) => Promise<TokenFetch>,
  forceRefresh: boolean,
) {
  const lookup = await getToken({
    integrationId: ctx.settings.integrationId,
    key: tokenKey(ctx.settings),
    forceRefresh,
    now: (ctx.clock ?? systemClock).now(),
    fetch: () => fetch(ctx),
  });
  if (!lookup.ok) return lookup;
  const { token, fromCache, fetchMs } = lookup;
  return {
    ok: true as const,
    headers: { Authorization: `Bearer ${token.value}` },
    token: {
      value: token.value,
      expiresAt: token.expiresAt,
      fromCache,
      ...(fetchMs !== undefined && { fetchMs }),
    },
  };
}

/**
 * The auth headers for one request: the single place both sendAttempt and testConnection apply auth.
 * Client certificates are not headers; the connection pool presents them (see tls-options.ts).
 */
export async function resolveAuth(
  ctx: AuthContext,
  options: { forceRefresh?: boolean } = {},
): Promise<AuthResult> {
  const { settings } = ctx;
  const missing = missingAuthSettings(settings.authType, settings.auth);
  if (missing.length > 0) {
    const list = missing.map((m) => m.label).join(", ");
    return {
      ok: false,
      failure: { code: "config", message: `The authentication settings are incomplete: ${list}.` },
    };
  }
  const forceRefresh = options.forceRefresh ?? false;
  switch (settings.authType) {
    case "api_key":
      return apiKeyAuth(settings);
    case "bearer":
      return bearerAuth(settings);
    case "basic":
      return basicAuth(settings);
    case "bearer_login":
      return tokenAuth(ctx, fetchLoginToken, forceRefresh);
    case "oauth2":
      return tokenAuth(ctx, fetchOAuthToken, forceRefresh);
    case "client_cert":
      return { ok: true, headers: {} };
    case "none":
      if (AUTH.none.isTestOnly && getSettings().isProduction) {
        return {
          ok: false,
          failure: {
            code: "production_refused",
            message: 'Authentication "None" is only allowed outside production.',
            reason: "no_auth",
          },
        };
      }
      return { ok: true, headers: {} };
    default: {
      const unreachable: never = settings.authType;
      return {
        ok: false,
        failure: { code: "config", message: `Unknown authentication type ${String(unreachable)}.` },
      };
    }
  }
}
