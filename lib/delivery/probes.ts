import "server-only";
import { X509Certificate } from "node:crypto";
import dns from "node:dns/promises";
import net from "node:net";
import tls from "node:tls";
import { checkResolvedAddress } from "./address-policy";
import { describeCertificate } from "./certificate";
import { classifyError } from "./classify-error";
import type { TlsOptions } from "./tls-options";
import type { Failure, TestStage } from "./types";

/** `localAddress`: this server's end of the TCP connection (connect stage), the address the receiver sees unless
 * NAT or a proxy lies between. */
export type ProbeResult = { stage: TestStage; failure?: Failure; address?: string; localAddress?: string };

const elapsedSince = (started: number) => Math.round(performance.now() - started);

/** Resolves the host as the pool would, and applies the production address rules to every answer. */
export async function probeDns(host: string): Promise<ProbeResult> {
  const started = performance.now();
  if (net.isIP(host)) {
    return {
      stage: { name: "dns", ok: true, durationMs: 0, detail: `${host} is an IP address; no lookup needed.` },
      address: host,
    };
  }
  try {
    const addresses = await dns.lookup(host, { all: true });
    const list = addresses.map((a) => a.address).join(", ");
    for (const { address } of addresses) {
      const refusal = checkResolvedAddress(host, address);
      if (refusal) {
        const failure: Failure = { code: refusal.code, message: refusal.message, reason: refusal.reason };
        return {
          stage: { name: "dns", ok: false, durationMs: elapsedSince(started), detail: refusal.message },
          failure,
        };
      }
    }
    const detail = `${host} resolves to ${list}.`;
    return {
      stage: { name: "dns", ok: true, durationMs: elapsedSince(started), detail },
      address: addresses[0]?.address,
    };
  } catch (error) {
    const failure = classifyError(error);
    return {
      stage: { name: "dns", ok: false, durationMs: elapsedSince(started), detail: failure.message },
      failure,
    };
  }
}

function timeoutFailure(what: string, timeoutMs: number): Failure {
  return { code: "timeout", message: `No ${what} within ${timeoutMs / 1000} s.` };
}

/** Opens (and closes) one TCP connection to the resolved address. */
export function probeConnect(address: string, port: number, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const done = (failure?: Failure) => {
      const localAddress = failure ? undefined : socket.localAddress;
      socket.destroy();
      const detail = failure ? failure.message : `Connected to ${address} port ${port}.`;
      resolve({
        stage: { name: "connect", ok: !failure, durationMs: elapsedSince(started), detail },
        ...(failure && { failure }),
        ...(localAddress && { localAddress }),
      });
    };
    socket.setTimeout(timeoutMs, () => done(timeoutFailure("TCP connection", timeoutMs)));
    socket.once("connect", () => done());
    socket.once("error", (error) => done(classifyError(error)));
  });
}

/**
 * Runs one TLS handshake with the pool's options. Verification is done by hand after the handshake
 * (not by rejecting it) so the stage can show the server certificate even when it is not trusted.
 */
export function probeTls(
  address: string,
  host: string,
  port: number,
  options: TlsOptions,
  timeoutMs: number,
): Promise<ProbeResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = tls.connect({
      ...options,
      host: address,
      port,
      servername: net.isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      ALPNProtocols: ["http/1.1"],
    });
    const finish = (failure: Failure | undefined, detail: string, certificate?: TestStage["certificate"]) => {
      socket.destroy();
      const stage: TestStage = { name: "tls", ok: !failure, durationMs: elapsedSince(started), detail };
      resolve({ stage: { ...stage, ...(certificate && { certificate }) }, ...(failure && { failure }) });
    };
    socket.setTimeout(timeoutMs, () => {
      const failure = timeoutFailure("TLS handshake", timeoutMs);
      finish(failure, failure.message);
    });
    socket.once("error", (error) => {
      const failure = classifyError(error);
      finish(failure, failure.message);
    });
    socket.once("secureConnect", () => {
      // One call only: on Node 20, getPeerX509Certificate() first makes getPeerCertificate() lose its SANs.
      const peerInfo = socket.getPeerCertificate();
      if (!peerInfo?.raw) {
        return finish(
          { code: "tls_handshake", message: "The server sent no certificate." },
          "No server certificate.",
        );
      }
      const peer = new X509Certificate(peerInfo.raw);
      const info = describeCertificate(peer);
      const certificate = { subject: info.subject, issuer: info.issuer, validTo: info.validTo };
      const about = `${socket.getProtocol() ?? "TLS"}; server certificate ${info.subject}, issued by ${info.issuer}, valid until ${info.validTo.slice(0, 10)}`;
      const authError = socket.authorized ? undefined : socket.authorizationError;
      const identityError = authError
        ? undefined
        : tls.checkServerIdentity(host, socket.getPeerCertificate());
      const problem = authError ?? identityError;
      if (problem) {
        const code = typeof problem === "string" ? problem : (problem as NodeJS.ErrnoException).code;
        const failure = classifyError(
          Object.assign(new Error(String((problem as Error).message ?? problem)), { code }),
        );
        return finish(failure, `${about}. ${failure.message}`, certificate);
      }
      const soon = info.expiresInDays <= 30 ? ` (expires in ${info.expiresInDays} days)` : "";
      finish(undefined, `${about}${soon}.`, certificate);
    });
  });
}
