import "server-only";
import type { z } from "zod";
import { INTERNAL_ERROR_MESSAGE, logInternalError } from "./internal-error";

const NDJSON = "application/x-ndjson";

/** Whether the caller asked for progress (`Accept: application/x-ndjson`) rather than the one JSON answer. */
export function wantsProgress(request: Request): boolean {
  return (request.headers.get("accept") ?? "").toLowerCase().includes(NDJSON);
}

/** Whether a handler's Response is a progress stream (route() lets those past the output schema). */
export function isProgressStream(response: Response): boolean {
  return response.status === 200 && (response.headers.get("content-type") ?? "").startsWith(NDJSON);
}

/** The line that ends a stream `run` failed: the same words as the API's 500, nothing internal. */
const failed = { type: "error", error: { code: "internal", message: INTERNAL_ERROR_MESSAGE } };

/**
 * A long request's reply as NDJSON progress. Each event `run` emits is parsed through `event` and sent as one line
 * at once; the event `run` returns is the last line. When the caller goes (Cancel, a closed page) `run`'s signal
 * aborts and nothing more is sent. A failure is logged, and the stream ends with an error line instead.
 */
export function progressStream<E extends z.ZodType>(
  request: Request,
  event: E,
  run: (emit: (e: z.input<E>) => void, signal: AbortSignal) => Promise<z.input<E>>,
): Response {
  const stop = new AbortController();
  const callerGone = () => stop.abort();
  request.signal.addEventListener("abort", callerGone, { once: true });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (line: unknown) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      const emit = (e: z.input<E>) => send(event.parse(e));
      // Not awaited: the lines go out as they are enqueued, while the work goes on.
      void run(emit, stop.signal)
        .then(emit)
        .catch((error: unknown) => {
          logInternalError(request, error);
          send(failed);
        })
        .finally(() => {
          request.signal.removeEventListener("abort", callerGone);
          if (!stop.signal.aborted) controller.close();
        });
    },
    cancel() {
      stop.abort();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": `${NDJSON}; charset=utf-8`,
      // Each line as it comes, through a proxy too: nginx holds a reply back in its buffers unless told not to.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
