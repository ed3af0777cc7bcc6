import "server-only";
import { certificateNames, hostnameMismatch } from "./classify-error";
import type { Prepared } from "./prepare";
import { connectAgain } from "./tls-close-check";
import type { Failure } from "./types";

// A certificate is sent at once; a receiver that takes longer than this tells us nothing more than the failure did.
const PROBE_MS = 5_000;

type PeerCertificate = { validFrom: string; validTo: string; names: string | undefined };

/**
 * The receiver's certificate, from a second handshake (see connectAgain; the request already refused it): null
 * when none comes.
 */
function readPeerCertificate(p: Prepared): Promise<PeerCertificate | null> {
  return new Promise((resolve) => {
    const socket = connectAgain(p);
    const done = (cert: PeerCertificate | null) => {
      socket.destroy();
      resolve(cert);
    };
    socket.setTimeout(Math.min(p.timeoutMs, PROBE_MS), () => done(null));
    socket.once("error", () => done(null));
    socket.once("secureConnect", () => {
      const peer = socket.getPeerCertificate();
      const names = certificateNames(peer);
      done(peer?.valid_to ? { validFrom: peer.valid_from, validTo: peer.valid_to, names } : null);
    });
  });
}

const day = (date: string) => new Date(date).toISOString().slice(0, 10);

/**
 * A refused server certificate in words with the facts that explain it: the day it expired (or becomes valid), or
 * the names it is issued for, read from the certificate itself. Other failures come back as they are.
 */
export async function explainCertificate(p: Prepared, failure: Failure): Promise<Failure> {
  const isAboutDates = failure.code === "tls_expired";
  const isAboutNames = failure.reason === "hostname" && !failure.message.includes("(it is for ");
  if (!isAboutDates && !isAboutNames) return failure;
  const cert = await readPeerCertificate(p);
  if (!cert) return failure;
  if (isAboutNames) return cert.names ? { ...failure, message: hostnameMismatch(cert.names) } : failure;
  const message =
    failure.reason === "server_not_yet_valid"
      ? `The receiver's certificate is not valid until ${day(cert.validFrom)}.`
      : `The receiver's certificate expired on ${day(cert.validTo)}.`;
  return { ...failure, message };
}
