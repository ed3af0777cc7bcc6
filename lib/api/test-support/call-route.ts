type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as Next would, with a bearer API token; returns the status and parsed JSON body. */
export async function callRoute(
  handler: Handler,
  opts: {
    method?: string;
    path?: string;
    token?: string;
    body?: unknown;
    params?: Record<string, string>;
    /** More request headers (they win over the defaults). */
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: any; text: string }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  Object.assign(headers, opts.headers);
  const isStream = opts.body instanceof ReadableStream;
  const request = new Request(`http://localhost${opts.path ?? "/api/test"}`, {
    method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
    headers,
    body:
      opts.body === undefined
        ? undefined
        : typeof opts.body === "string" || isStream
          ? (opts.body as string | ReadableStream)
          : JSON.stringify(opts.body),
    ...(isStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(opts.params ?? {}) });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: response.status, body, text };
}
