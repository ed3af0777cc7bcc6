import "server-only";
import type { ConnectionSettings } from "../types";
import type { AuthResult } from "./types";

const DEFAULT_API_KEY_HEADER = "X-API-Key";

function notSet(what: string): AuthResult {
  return {
    ok: false,
    failure: { code: "config", message: `The ${what} is not set; enter it in the settings.` },
  };
}

/** API key in its configured header. */
export function apiKeyAuth(settings: ConnectionSettings): AuthResult {
  const key = settings.secrets.apiKey;
  if (!key) return notSet("API key");
  return { ok: true, headers: { [settings.auth.headerName || DEFAULT_API_KEY_HEADER]: key } };
}

/** A static bearer token. */
export function bearerAuth(settings: ConnectionSettings): AuthResult {
  const token = settings.secrets.token;
  if (!token) return notSet("bearer token");
  return { ok: true, headers: { Authorization: `Bearer ${token}` } };
}

/** HTTP Basic (RFC 7617, UTF-8). */
export function basicAuth(settings: ConnectionSettings): AuthResult {
  const password = settings.secrets.password;
  if (password === undefined) return notSet("password");
  const credentials = Buffer.from(`${settings.auth.username ?? ""}:${password}`, "utf8").toString("base64");
  return { ok: true, headers: { Authorization: `Basic ${credentials}` } };
}
