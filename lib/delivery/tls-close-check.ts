import "server-only";
import net from "node:net";
import tls from "node:tls";
import { guardedLookup } from "./address-policy";
import { classifyError } from "./classify-error";
import type { Prepared } from "./prepare";
import type { Failure } from "./types";

// Long enough for a loaded machine; a server that rejects a certificate closes within milliseconds.
const WATCH_MS = 1500;

type Watch = "closed_after_handshake" | "closed_during_handshake" | "stayed_open" | "alert";

/**
 * Many TLS 1.3 servers (node, some proxies) refuse a client certificate by closing the connection
 * right after the handshake, without an alert; the request then just fails with "connection reset".
 * This repeats the handshake with the pool's TLS options, sends nothing, and watches whether the
 * server hangs up by itself, which no server does to a client it accepted.
 */
function watchHandshake(p: Prepared): Promise<{ watch: Watch; error?: unknown }> {
  return new Promise((resolve) => {
    let handshakeDone = false;
    let timer: NodeJS.Timeout | undefined;
    const socket = connectAgain(p);
    const done = (watch: Watch, error?: unknown) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ watch, ...(error !== undefined && { error }) });
    };
    socket.setTimeout(Math.min(p.timeoutMs, WATCH_MS * 2), () => done("stayed_open"));
    socket.once("secureConnect", () => {
      handshakeDone = true;
      timer = setTimeout(() => done("stayed_open"), WATCH_MS);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      const isAlert = typeof error.code === "string" && error.code.startsWith("ERR_SSL_");
      done(isAlert ? "alert" : handshakeDone ? "closed_after_handshake" : "closed_during_handshake", error);
    });
    socket.once("close", () => done(handshakeDone ? "closed_after_handshake" : "closed_during_handshake"));
  });
}

/**
 * A second TLS connection to the receiver, as the pool makes them (its TLS options, the production address rules),
 * that sends nothing. Trust was already settled by the failed request, so it does not verify the certificate: it
 * only looks at what the server does or shows.
 */
export function connectAgain(p: Prepared): tls.TLSSocket {
  const url = new URL(p.url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return tls.connect({
    ...p.tls.options,
    host,
    port: Number(url.port) || 443,
    servername: net.isIP(host) ? undefined : host,
    rejectUnauthorized: false,
    lookup: guardedLookup,
  });
}

/** Turns a bare "connection reset" on an HTTPS endpoint into a client-certificate failure when that is what it was. */
export async function explainReset(p: Prepared, failure: Failure): Promise<Failure> {
  if (failure.code !== "connection_reset" || !p.url.startsWith("https:")) return failure;
  const { watch, error } = await watchHandshake(p);
  if (watch === "alert") {
    const alert = classifyError(error);
    return alert.code === "tls_client_cert" || alert.code === "tls_handshake" ? alert : failure;
  }
  const hasCert = p.tls.clientCert !== undefined;
  const closedEarly = watch === "closed_after_handshake" || (watch === "closed_during_handshake" && hasCert);
  if (!closedEarly) return failure;
  const expired = (p.tls.clientCert?.expiresInDays ?? 0) < 0;
  const reason = !hasCert ? "missing" : expired ? "expired" : "rejected";
  const expiredOn = expired ? ` (it expired on ${p.tls.clientCert?.validTo.slice(0, 10)})` : "";
  const message = hasCert
    ? `The receiver closes the connection as soon as the client certificate is presented${expiredOn}.`
    : "The receiver closes the connection right after the TLS handshake: it requires a client certificate.";
  return { code: "tls_client_cert", message, reason };
}
