import "server-only";
import type { Dispatcher } from "undici";
import { CappedBody } from "./body";
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
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

// A sync sends thousands of requests to one URL: parsed once.
const targets = new Map<string, { origin: string; path: string }>();

function splitUrl(raw: string): { origin: string; path: string } {
  let target = targets.get(raw);
  if (!target) {
    const url = new URL(raw);
    target = { origin: url.origin, path: `${url.pathname}${url.search}` };
    if (targets.size >= 1000) targets.clear();
    targets.set(raw, target);
  }
  return target;
}

/** Why an exchange ended early: the deadline, the caller, or the body cap (which still counts as an answer). */
type Stop = "timeout" | "aborted" | "cap";

/**
 * One HTTP exchange through the integration's pool. One deadline covers connect, TLS, headers and body;
 * redirects are not followed; failures come back as results, never as exceptions.
 *
 * Uses undici's dispatch interface directly: the `request()` helper wraps every response in a Readable stream
 * and an AbortSignal, which cost more than the exchange itself on a fast receiver (a sync sends thousands).
 */
export function httpRequest(req: HttpRequest): Promise<HttpResult> {
  return new Promise<HttpResult>((resolve) => new Exchange(req, resolve).start());
}

function onDeadline(exchange: Exchange) {
  exchange.halt("timeout");
}

/** The state of one exchange; a class so that a request creates no closures beyond its promise. */
class Exchange implements Dispatcher.DispatchHandler {
  private readonly started = performance.now();
  private controller: Dispatcher.DispatchController | null = null;
  private stop: Stop | null = null;
  private response: HttpResponse | undefined;
  private body: CappedBody | undefined;
  private settled = false;
  private readonly timer: NodeJS.Timeout;
  private readonly onCallerAbort: (() => void) | undefined;

  constructor(
    private readonly req: HttpRequest,
    private readonly resolve: (result: HttpResult) => void,
  ) {
    this.timer = setTimeout(onDeadline, req.timeoutMs, this);
    if (req.signal) this.onCallerAbort = () => this.halt("aborted");
  }

  start(): void {
    const { req } = this;
    if (req.signal?.aborted) {
      this.halt("aborted");
      return;
    }
    if (this.onCallerAbort) req.signal?.addEventListener("abort", this.onCallerAbort, { once: true });
    try {
      const { origin, path } = splitUrl(req.url);
      req.dispatcher.dispatch(
        { origin, path, method: req.method, headers: req.headers, body: req.body },
        this,
      );
    } catch (error) {
      this.fail(classifyError(error));
    }
  }

  /** Stopping before the request is on a socket answers at once; undici drops the request when its turn comes. */
  halt(why: Stop): void {
    if (this.settled || this.stop) return;
    this.stop = why;
    this.controller?.abort(new Error(why));
    const phase = this.response ? "while reading the response body" : "before the response arrived";
    if (why === "timeout") {
      const seconds = this.req.timeoutMs / 1000;
      this.fail({ code: "timeout", message: `No complete answer within ${seconds} s (timed out ${phase}).` });
    } else this.fail({ code: "aborted", message: `The attempt was cancelled ${phase}.` });
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.stop) controller.abort(new Error(this.stop));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    if (statusCode < 200) return; // informational (100 Continue): the real answer follows
    this.response = { status: statusCode, headers: flattenHeaders(headers), body: "", truncated: false };
    this.body = new CappedBody();
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    // The cap reached: the rest is not read (aborting closes the connection rather than draining it).
    if (!this.body || this.body.add(chunk) || this.stop) return;
    this.stop = "cap";
    this.complete();
    controller.abort(new Error("cap"));
  }

  onResponseEnd(): void {
    this.complete();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (!this.stop) this.fail(classifyError(error));
  }

  private complete(): void {
    const { response, body } = this;
    if (!response || !body) return;
    response.body = body.text();
    response.truncated = body.truncated;
    this.finish({ ok: true, durationMs: this.elapsed(), ...response });
  }

  private fail(failure: Failure): void {
    const { response } = this;
    this.finish({ ok: false, failure, durationMs: this.elapsed(), ...(response && { response }) });
  }

  private finish(result: HttpResult): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (this.onCallerAbort) this.req.signal?.removeEventListener("abort", this.onCallerAbort);
    this.resolve(result);
  }

  private elapsed(): number {
    return Math.round(performance.now() - this.started);
  }
}
