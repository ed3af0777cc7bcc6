import type { Dispatcher } from "undici";
import type { Clock } from "../../clock";
import type { HttpResponse } from "../http-request";
import type { ConnectionSettings, Failure } from "../types";

export type AuthContext = {
  settings: ConnectionSettings;
  dispatcher: Dispatcher;
  timeoutMs: number;
  signal?: AbortSignal;
  /** When tokens expire; the system clock unless given. */
  clock?: Clock;
};

/** The login or token request, kept so a failure can be shown with its own status and body. */
export type TokenExchange = {
  url: string;
  method: "POST";
  /** Redacted. */
  requestHeaders: Record<string, string>;
  response?: HttpResponse;
  durationMs: number;
};

export type AuthFailure = { ok: false; failure: Failure; exchange?: TokenExchange };

export type AuthToken = { value: string; expiresAt: number | null; fromCache: boolean; fetchMs?: number };

export type AuthResult = { ok: true; headers: Record<string, string>; token?: AuthToken } | AuthFailure;

export type TokenFetch =
  | { ok: true; token: { value: string; expiresAt: number | null } }
  | { ok: false; failure: Failure; exchange?: TokenExchange };
