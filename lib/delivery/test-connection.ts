import "server-only";
import { hasToken, resolveAuth } from "./auth";
import { diagnose } from "./diagnose";
import type { OutcomeContext } from "./outcome";
import { prepare } from "./prepare";
import { probeConnect, probeDns, probeTls } from "./probes";
import { scrubDeep, secretValues } from "./redact";
import { authFailureOutcome, exchange } from "./send-attempt";
import { DEFAULT_SUCCESS_CODES, isSuccessStatus } from "./success-codes";
import { presentsClientCert } from "./tls-options";
import type { ConnectionSettings, Failure, Target, TestConnectionResult, TestStage } from "./types";

export type TestConnectionInput = {
  settings: ConnectionSettings;
  target: Target;
  method?: "GET" | "OPTIONS";
};

function expiryText(expiresAt: number | null): string {
  if (expiresAt === null) return "no expiry given";
  return `valid for ${Math.max(0, Math.round((expiresAt - Date.now()) / 1000))} s`;
}

/**
 * One GET (or OPTIONS) to the endpoint with auth applied and no body, reported stage by stage
 * (DNS, TCP, TLS, token, HTTP). The HTTP stage goes through the same send path as deliveries. Every text in the
 * result (stage details, diagnosis, the exchange) has the integration's secrets masked.
 */
export async function testConnection(input: TestConnectionInput): Promise<TestConnectionResult> {
  const result = await probeStages(input);
  return scrubDeep(result, secretValues(input.settings));
}

async function probeStages(input: TestConnectionInput): Promise<TestConnectionResult> {
  const method = input.method ?? "GET";
  const started = performance.now();
  const prepared = prepare(input.settings, input.target);
  const settings = prepared.settings ?? input.settings;
  const stages: TestStage[] = [];
  const failed = (failure: Failure, url: string): TestConnectionResult => ({
    ok: false,
    verdict: "failed",
    url,
    method,
    stages,
    diagnosis: diagnose({
      status: null,
      failure,
      authType: settings.authType,
      method,
      timeoutMs: settings.timeoutMs,
      hasClientCert: presentsClientCert(settings),
    }),
  });
  if (!prepared.ok) return failed(prepared.failure, prepared.url);

  const url = new URL(prepared.url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);

  const dns = await probeDns(host);
  stages.push(dns.stage);
  if (dns.failure || !dns.address)
    return failed(dns.failure ?? { code: "dns", message: "No address." }, prepared.url);

  const tcp = await probeConnect(dns.address, port, prepared.timeoutMs);
  stages.push(tcp.stage);
  if (tcp.failure) return failed(tcp.failure, prepared.url);
  const seenFrom = tcp.localAddress ? { localAddress: tcp.localAddress } : {};

  if (url.protocol === "https:") {
    const tls = await probeTls(dns.address, host, port, prepared.tls.options, prepared.timeoutMs);
    stages.push(tls.stage);
    if (tls.failure) return { ...failed(tls.failure, prepared.url), ...seenFrom };
  }

  if (hasToken(settings.authType)) {
    const tokenStarted = performance.now();
    // A fresh token proves the credentials now; the HTTP stage then uses it from the cache.
    const auth = await resolveAuth(
      { settings: prepared.settings, dispatcher: prepared.agent, timeoutMs: prepared.timeoutMs },
      { forceRefresh: true },
    );
    const durationMs = Math.round(performance.now() - tokenStarted);
    if (!auth.ok) {
      stages.push({ name: "token", ok: false, durationMs, detail: auth.failure.message });
      const ctx: OutcomeContext = {
        settings: prepared.settings,
        method,
        started,
        timeoutMs: prepared.timeoutMs,
      };
      const outcome = authFailureOutcome(ctx, prepared.url, auth);
      return { ...failed(auth.failure, prepared.url), outcome, diagnosis: outcome.diagnosis, ...seenFrom };
    }
    stages.push({
      name: "token",
      ok: true,
      durationMs,
      detail: `Token received (${expiryText(auth.token?.expiresAt ?? null)}).`,
    });
  }

  const httpStarted = performance.now();
  // A GET or OPTIONS proves the connection with any 2xx, whatever the POST's success codes are (201 only, say).
  const judged = {
    ...prepared,
    isSuccess: (status: number) =>
      isSuccessStatus(status, DEFAULT_SUCCESS_CODES) || prepared.isSuccess(status),
  };
  // A token, if any, was fetched just now (the token stage): a 401 is the answer, not a reason to log in again.
  const outcome = await exchange(judged, { method, started, retryOn401: false });
  const reachable = outcome.status === 405;
  const verdict = outcome.ok ? "passed" : reachable ? "reachable" : "failed";
  const detail =
    outcome.status === null
      ? (outcome.error?.message ?? "No answer.")
      : `HTTP ${outcome.status}${outcome.ok ? "" : `: ${outcome.error?.message ?? ""}`}`;
  stages.push({
    name: "http",
    ok: verdict !== "failed",
    durationMs: Math.round(performance.now() - httpStarted),
    detail,
  });
  return {
    ok: verdict !== "failed",
    verdict,
    url: prepared.url,
    method,
    stages,
    outcome,
    ...(outcome.diagnosis && { diagnosis: outcome.diagnosis }),
    ...seenFrom,
  };
}
