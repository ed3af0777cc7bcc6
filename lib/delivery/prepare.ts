import "server-only";
import type { Agent } from "undici";
import { getSettings } from "../settings";
import { checkUrlAllowed } from "./address-policy";
import { DEFAULT_TIMEOUT_MS, getConnection } from "./pool";
import { connectionSettingsSchema } from "./schemas";
import { successCodeMatcher } from "./success-codes";
import type { TlsMaterial } from "./tls-options";
import type { ConnectionSettings, Failure, Target } from "./types";

export type Prepared = {
  ok: true;
  settings: ConnectionSettings;
  url: string;
  agent: Agent;
  tls: TlsMaterial & { ok: true };
  timeoutMs: number;
  isSuccess: (status: number) => boolean;
};

export type NotPrepared = { ok: false; url: string; failure: Failure; settings?: ConnectionSettings };

/** The URL an attempt goes to: the test URL when one is set and the target is "test". */
export function targetUrl(
  settings: Pick<ConnectionSettings, "endpointUrl" | "testUrl">,
  target: Target,
): string {
  return target === "test" && settings.testUrl ? settings.testUrl : settings.endpointUrl;
}

// A sync sends thousands of attempts with one settings object; parsing it again for each one was a twentieth of a
// sync's CPU. Settings objects are not changed once built, so one parse per object is enough. (The URL policy and
// the pool still run every time: they depend on the environment and can change.)
const parsedSettings = new WeakMap<object, ReturnType<typeof connectionSettingsSchema.safeParse>>();

function parseSettings(input: ConnectionSettings) {
  if (typeof input !== "object" || input === null) return connectionSettingsSchema.safeParse(input);
  let parsed = parsedSettings.get(input);
  if (!parsed) {
    parsed = connectionSettingsSchema.safeParse(input);
    parsedSettings.set(input, parsed);
  }
  return parsed;
}

// The URL rules depend on the URL and on the environment's settings, which tests (and only tests) swap.
const urlChecks = new WeakMap<
  object,
  { url: string; env: object; result: ReturnType<typeof checkUrlAllowed> }
>();

function checkUrlCached(settings: ConnectionSettings, url: string) {
  const env = getSettings();
  const known = urlChecks.get(settings);
  if (known?.url === url && known.env === env) return known.result;
  const result = checkUrlAllowed(url);
  urlChecks.set(settings, { url, env, result });
  return result;
}

/** Validates settings and URL and picks the integration's pool: everything an attempt checks before sending. */
export function prepare(input: ConnectionSettings, target: Target): Prepared | NotPrepared {
  const fallbackUrl = typeof input?.endpointUrl === "string" ? targetUrl(input, target) : "";
  const parsed = parseSettings(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "settings"}: ${i.message}`);
    return {
      ok: false,
      url: fallbackUrl,
      failure: { code: "config", message: `The connection settings are invalid (${issues.join("; ")}).` },
    };
  }
  const settings = parsed.data;
  const url = targetUrl(settings, target);
  const allowed = checkUrlCached(settings, url);
  if (!allowed.ok) {
    return {
      ok: false,
      url,
      settings,
      failure: { code: allowed.code, message: allowed.message, reason: allowed.reason },
    };
  }
  const matcher = successCodeMatcher(settings.successCodes);
  if (!matcher.ok) {
    return {
      ok: false,
      url,
      settings,
      failure: { code: "config", message: `Success codes: ${matcher.error}` },
    };
  }
  const connection = getConnection(settings);
  if (!connection.ok) return { ok: false, url, settings, failure: connection.failure };
  return {
    ok: true,
    settings,
    url,
    agent: connection.agent,
    tls: connection.tls,
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    isSuccess: matcher.matches,
  };
}
