import { randomBytes } from "node:crypto";
import http, { type IncomingHttpHeaders, type ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import { getTestPki, type Issued } from "./pki";

/** One request as a test server saw it. */
export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The client's port: equal ports mean a reused keep-alive connection. */
  remotePort: number;
  /** Subject CN of the client certificate, when one was presented. */
  clientCertCn?: string;
};

/** Answers one request; `respondWith` queues one per request, `setDefault` answers the rest. */
export type Responder = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export type TestServer = {
  /** Origin with a trailing slash, e.g. https://127.0.0.1:41234/ */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Client connections open now: once none is, every request a (dead) client wrote has been read. */
  openConnections(): number;
  close(): Promise<void>;
};

export type Receiver = TestServer & {
  respondWith(...responders: Responder[]): void;
  setDefault(responder: Responder): void;
};

export type ServerOptions = {
  /** Plain HTTP instead of HTTPS. */
  plain?: boolean;
  /** The server certificate (default: the test PKI's server certificate for 127.0.0.1/localhost). */
  certificate?: Issued;
  /** Require a client certificate signed by the test CA (mTLS). */
  requireClientCert?: boolean;
  /** Also serve TLS 1.2 only, to see how servers of that age refuse certificates. */
  maxTls12?: boolean;
};

/** JSON answer. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Responder =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  };

/** Text answer (any content type). */
export const text =
  (status: number, body: string, headers: Record<string, string> = {}): Responder =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(body);
  };

/** Never answers (the client's timeout must fire). */
export const hang = (): Responder => () => undefined;

/** Sends status and headers, then never finishes the body. */
export const headersThenHang = (): Responder => (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.write('{"partial":');
};

/** Echoes the request headers back as JSON (a receiver that reflects credentials). */
export const echoHeaders = (): Responder => (req, res) => {
  res.writeHead(200, {
    "content-type": "application/json",
    "x-echo-auth": String(req.headers.authorization ?? ""),
  });
  res.end(JSON.stringify(req.headers));
};

/** Drops the connection without an answer (a TCP RST on plain HTTP; TLS sockets can only be closed). */
export const resetConnection = (): Responder => (_req, res) => {
  const socket = res.socket as (Socket & { encrypted?: boolean }) | null;
  if (socket && !socket.encrypted) socket.resetAndDestroy();
  else socket?.destroy();
};

/** Streams `total` bytes in 64 KiB chunks, honouring backpressure, so the server itself never buffers. */
export const streamBytes =
  (total: number): Responder =>
  (_req, res) => {
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(total) });
    const pump = () => {
      while (sent < total && !res.destroyed) {
        const size = Math.min(chunk.length, total - sent);
        sent += size;
        if (!res.write(size === chunk.length ? chunk : chunk.subarray(0, size)))
          return void res.once("drain", pump);
      }
      if (sent >= total) res.end();
    };
    res.on("close", () => {
      sent = total;
    });
    pump();
  };

/** A receiver that checks a credential first: 401 (with WWW-Authenticate) unless `isAuthorised`. */
export const requireAuth =
  (
    isAuthorised: (req: RecordedRequest) => boolean | Promise<boolean>,
    then: Responder = json(200, { ok: true }),
  ): Responder =>
  async (req, res) => {
    if (await isAuthorised(req)) return then(req, res);
    res.writeHead(401, { "content-type": "application/json", "www-authenticate": "Bearer" });
    res.end(JSON.stringify({ error: "unauthorized" }));
  };

/** Starts an HTTPS (or HTTP) receiver on 127.0.0.1 that records requests and answers as scripted. */
export async function startReceiver(options: ServerOptions = {}): Promise<Receiver> {
  const queue: Responder[] = [];
  let fallback: Responder = json(200, { received: true });
  const requests: RecordedRequest[] = [];
  const server = await listen(options, async (req, res) => {
    requests.push(req);
    await (queue.shift() ?? fallback)(req, res);
  });
  return {
    ...server,
    requests,
    respondWith: (...responders) => queue.push(...responders),
    setDefault: (responder) => {
      fallback = responder;
    },
  };
}

export type LoginServer = TestServer & {
  /** Successful logins so far. */
  logins: number;
  /** The body a successful login answers with, given the new token; `makeToken` makes the tokens (default: random hex). */
  setTokenShape(shape: (token: string) => unknown, makeToken?: () => string): void;
  isValid(token: string | undefined): boolean;
  /** Invalidates every token issued so far (the receiver then answers 401). */
  revokeAll(): void;
};

/**
 * A login endpoint (POST any path, JSON credentials) that issues random tokens; pair it with a receiver
 * using `requireAuth((r) => login.isValid(bearerOf(r)))`.
 */
export async function startLoginServer(
  credentials: { username: string; password: string; usernameField?: string; passwordField?: string },
  options: ServerOptions = {},
): Promise<LoginServer> {
  const valid = new Set<string>();
  const randomToken = () => randomBytes(16).toString("hex");
  let shape: (token: string) => unknown = (token) => ({ access_token: token });
  let makeToken = randomToken;
  const requests: RecordedRequest[] = [];
  const state = { logins: 0 };
  const server = await listen(options, (req, res) => {
    requests.push(req);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(req.body) as Record<string, unknown>;
    } catch {
      return void res.writeHead(400, { "content-type": "application/json" }).end('{"error":"expected JSON"}');
    }
    const user = body[credentials.usernameField ?? "username"];
    const password = body[credentials.passwordField ?? "password"];
    if (user !== credentials.username || password !== credentials.password) {
      return void res
        .writeHead(401, { "content-type": "application/json" })
        .end('{"error":"invalid username or password"}');
    }
    const token = makeToken();
    valid.add(token);
    state.logins += 1;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(shape(token)));
  });
  return {
    ...server,
    requests,
    get logins() {
      return state.logins;
    },
    setTokenShape: (next, factory = randomToken) => {
      shape = next;
      makeToken = factory;
    },
    isValid: (token) => token !== undefined && valid.has(token),
    revokeAll: () => valid.clear(),
  };
}

/** The bearer token of a recorded request. */
export function bearerOf(req: RecordedRequest): string | undefined {
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function listen(options: ServerOptions, handle: Responder): Promise<Omit<TestServer, "requests">> {
  const pki = getTestPki();
  const certificate = options.certificate ?? pki.server;
  const onRequest = async (req: http.IncomingMessage, res: ServerResponse) => {
    const socket = req.socket as TLSSocket;
    const peer = typeof socket.getPeerCertificate === "function" ? socket.getPeerCertificate() : undefined;
    const cn = peer?.subject?.CN;
    const recorded: RecordedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      body: await readBody(req),
      remotePort: socket.remotePort ?? 0,
      ...(typeof cn === "string" && { clientCertCn: cn }),
    };
    await handle(recorded, res);
  };
  const server = options.plain
    ? http.createServer(onRequest)
    : https.createServer(
        {
          cert: certificate.certPem,
          key: certificate.keyPem,
          ...(options.maxTls12 && { maxVersion: "TLSv1.2" as const }),
          ...(options.requireClientCert && {
            requestCert: true,
            rejectUnauthorized: true,
            ca: [pki.ca.certPem],
          }),
        },
        onRequest,
      );
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.plain ? "http" : "https"}://127.0.0.1:${port}/`,
    port,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
