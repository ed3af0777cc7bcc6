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
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, deadline.signal]) : deadline.signal;
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
      signal,
    });
    response = { status: res.statusCode, headers: flattenHeaders(res.headers), body: "", truncated: false };
    const { text, truncated } = await readCappedBody(res.body);
    return { ok: true, durationMs: elapsed(), ...response, body: text, truncated };
  } catch (error) {
    const phase = response ? "while reading the response body" : "before the response arrived";
    if (deadline.signal.aborted) {
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
  }
}
