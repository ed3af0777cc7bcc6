import "server-only";
import { systemClock } from "../../clock";
import { encodeForm } from "../redact";
import { postForToken, withoutBody } from "./token-request";
import { readOAuthError, readOAuthToken } from "./token-response";
import type { AuthContext, TokenFetch } from "./types";

/** OAuth2 client-credentials grant (RFC 6749 4.4), client_secret_basic unless set to client_secret_post. */
export async function fetchOAuthToken(ctx: AuthContext): Promise<TokenFetch> {
  const { auth, secrets } = ctx.settings;
  if (!secrets.clientSecret) {
    return {
      ok: false,
      failure: { code: "config", message: "The OAuth2 client secret is not set; enter it in the settings." },
    };
  }
  const clientId = auth.clientId ?? "";
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  if (auth.scope?.trim()) form.set("scope", auth.scope.trim());
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (auth.clientAuthMethod === "client_secret_post") {
    form.set("client_id", clientId);
    form.set("client_secret", secrets.clientSecret);
  } else {
    // RFC 6749 2.3.1: both parts are form-encoded before base64.
    const pair = `${encodeForm(clientId)}:${encodeForm(secrets.clientSecret)}`;
    headers.Authorization = `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
  }
  const answer = await postForToken(ctx, "oauth_error", {
    url: auth.tokenUrl ?? "",
    headers,
    body: form.toString(),
  });
  if (!answer.ok) return answer;
  const { status, exchange } = answer;
  const oauthError = readOAuthError(answer.json);
  if (oauthError || status < 200 || status >= 300) {
    const name = oauthError?.error;
    const detail = oauthError?.description ? `: ${oauthError.description}` : "";
    return {
      ok: false,
      failure: {
        code: "oauth_error",
        message: name
          ? `The OAuth2 server refused the token request with ${name}${detail}.`
          : `The OAuth2 token request failed with HTTP ${status}.`,
        ...(name && { reason: name }),
      },
      exchange,
    };
  }
  const token = readOAuthToken(answer.json, (ctx.clock ?? systemClock).now());
  if (!token) {
    return {
      ok: false,
      failure: {
        code: "oauth_error",
        message: `The token endpoint answered HTTP ${status} without an access_token.`,
      },
      exchange: withoutBody(exchange),
    };
  }
  return { ok: true, token };
}
