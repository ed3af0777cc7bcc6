import "server-only";
import { type Dispatcher, request } from "undici";
import { readCappedBody } from "./body";
import { classifyError } from "./classify-error";
import type { Failure } from "./types";

export type HttpRequest = {
  dispatcher: Dispatcher;
  method: "GET" | "POST" | "OPTIONS";
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
};

export type HttpResponse = {
  status: number;
  headers: Record<string, string>;
  body: string;
  truncated: boolean;
};

export type HttpResult =
  | ({ ok: true; durationMs: number } & HttpResponse)
  | { ok: false; failure: Failure; durationMs: number; response?: HttpResponse };

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/**
 * One HTTP exchange through the integration's pool. One deadline covers connect, TLS, headers and body;
 * redirects are not followed; failures come back as results, never as exceptions.
 */
export async function httpRequest(req: HttpRequest): Promise<HttpResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // One controller for both the deadline and the caller's signal. Linked by hand rather than with
  // AbortSignal.any, which keeps a reference per request on a long-lived caller signal (a whole sync run).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  const onCallerAbort = () => controller.abort();
  if (req.signal?.aborted) controller.abort();
  req.signal?.addEventListener("abort", onCallerAbort, { once: true });
  let response: HttpResponse | undefined;
  const fail = (failure: Failure): HttpResult => ({
    ok: false,
    failure,
    durationMs: elapsed(),
    ...(response && { response }),
  });
  try {
    const res = await request(req.url, {
      dispatcher: req.dispatcher,
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: controller.signal,
    });
    response = { status: res.statusCode, headers: flattenHeaders(res.headers), body: "", truncated: false };
    const { text, truncated } = await readCappedBody(res.body);
    return { ok: true, durationMs: elapsed(), ...response, body: text, truncated };
  } catch (error) {
    const phase = response ? "while reading the response body" : "before the response arrived";
    if (timedOut) {
      const seconds = req.timeoutMs / 1000;
      return fail({
        code: "timeout",
        message: `No complete answer within ${seconds} s (timed out ${phase}).`,
      });
    }
    if (req.signal?.aborted) return fail({ code: "aborted", message: `The attempt was cancelled ${phase}.` });
    return fail(classifyError(error));
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener("abort", onCallerAbort);
  }
}
