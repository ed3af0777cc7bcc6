/** An API error as the pages show it: the server's message, and its details when it sent any. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type ApiInit = RequestInit & { json?: unknown };

/** A request to the app's own API, accepting `accept`: every change is sent as JSON, with or without a body. */
function apiFetch(url: string, init: ApiInit | undefined, accept: string): Promise<Response> {
  const { json, ...rest } = init ?? {};
  // The API refuses other writes from a browser session.
  const isWrite = (rest.method ?? "GET").toUpperCase() !== "GET";
  return fetch(url, {
    ...rest,
    headers: {
      accept,
      ...(json !== undefined || isWrite ? { "content-type": "application/json" } : {}),
      ...rest.headers,
    },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
}

/** The API's error body (`{ error: { code, message, details } }`) as an ApiRequestError. */
function apiError(status: number, body: unknown): ApiRequestError {
  const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiRequestError(status, e?.code ?? "http_error", e?.message ?? `HTTP ${status}`, e?.details);
}

/** fetch for the app's own JSON API; a non-2xx reply becomes an ApiRequestError with the server's message. */
export async function fetchJson<T>(url: string, init?: ApiInit): Promise<T> {
  const response = await apiFetch(url, init, "application/json");
  const body = await response.json().catch(() => null);
  if (!response.ok) throw apiError(response.status, body);
  return body as T;
}

/**
 * fetch for a route that streams its progress (progressStream: NDJSON, one event per line): calls `onEvent` with
 * each event as it arrives and resolves with the last, of type `endsWith`. A non-2xx reply, an `error` event, or a
 * stream that ends otherwise becomes an ApiRequestError; aborting `init.signal` stops the request (an AbortError).
 */
export async function fetchProgress<E extends { type: string }, T extends E["type"]>(
  url: string,
  init: ApiInit,
  stream: { onEvent: (event: E) => void; endsWith: T },
): Promise<Extract<E, { type: T }>> {
  const response = await apiFetch(url, init, "application/x-ndjson");
  if (!response.ok || !response.body) {
    throw apiError(response.status, await response.json().catch(() => null));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  let last: E | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pending += value;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines.filter((l) => l.trim() !== "")) {
      last = JSON.parse(line) as E;
      if (last.type === "error") throw apiError(500, last);
      stream.onEvent(last);
    }
  }
  if (last?.type !== stream.endsWith || pending.trim() !== "") {
    throw new ApiRequestError(
      502,
      "stream_cut",
      "The connection to the server was cut before the reply ended",
    );
  }
  return last as Extract<E, { type: T }>;
}
