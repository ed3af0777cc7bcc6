import "server-only";
import { systemClock } from "../../clock";
import { postForToken, withoutBody } from "./token-request";
import { readLoginToken } from "./token-response";
import type { AuthContext, TokenFetch } from "./types";

/** Logs in with the integration's username and password and reads the token from the answer. */
export async function fetchLoginToken(ctx: AuthContext): Promise<TokenFetch> {
  const { auth, secrets } = ctx.settings;
  if (secrets.password === undefined) {
    return {
      ok: false,
      failure: { code: "config", message: "The login password is not set; enter it in the settings." },
    };
  }
  const body = {
    [auth.usernameField || "username"]: auth.username ?? "",
    [auth.passwordField || "password"]: secrets.password,
  };
  const answer = await postForToken(ctx, "login_failed", {
    url: auth.loginUrl ?? "",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!answer.ok) return answer;
  const { status, exchange } = answer;
  if (status < 200 || status >= 300) {
    return {
      ok: false,
      failure: { code: "login_failed", message: `Login at ${exchange.url} failed with HTTP ${status}.` },
      exchange,
    };
  }
  const token = readLoginToken(answer.json, (ctx.clock ?? systemClock).now());
  if (!token) {
    return {
      ok: false,
      failure: {
        code: "login_failed",
        message: `Login at ${exchange.url} answered HTTP ${status} without a readable access_token.`,
      },
      exchange: withoutBody(exchange),
    };
  }
  return { ok: true, token };
}
