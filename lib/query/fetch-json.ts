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

/** fetch for the app's own JSON API; a non-2xx reply becomes an ApiRequestError with the server's message. */
export async function fetchJson<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  // Every change is sent as JSON, with or without a body: the API refuses other writes from a browser session.
  const isWrite = (rest.method ?? "GET").toUpperCase() !== "GET";
  const response = await fetch(url, {
    ...rest,
    headers: {
      accept: "application/json",
      ...(json !== undefined || isWrite ? { "content-type": "application/json" } : {}),
      ...rest.headers,
    },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const e = body?.error;
    throw new ApiRequestError(
      response.status,
      e?.code ?? "http_error",
      e?.message ?? `HTTP ${response.status}`,
      e?.details,
    );
  }
  return body as T;
}
