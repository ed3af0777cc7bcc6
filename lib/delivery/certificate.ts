import "server-only";
import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import forge from "node-forge";
import type { CertificateInfo } from "./types";

export type CertificateInput = { pfxBase64?: string; passphrase?: string; certPem?: string; keyPem?: string };

/** The certificate part of an integration's secrets, in the form the readers take. */
export function certificateInputFromSecrets(secrets: {
  clientCertPfx?: string;
  clientCertPassphrase?: string;
  clientCertPem?: string;
  clientKeyPem?: string;
}): CertificateInput {
  return {
    pfxBase64: secrets.clientCertPfx,
    passphrase: secrets.clientCertPassphrase,
    certPem: secrets.clientCertPem,
    keyPem: secrets.clientKeyPem,
  };
}

/** A client certificate ready for the TLS handshake: PEM leaf (+ chain) and PEM PKCS#8 key. */
export type ClientCertificate = { certPem: string; keyPem: string; info: CertificateInfo };

type Loaded = { ok: true; value: ClientCertificate } | { ok: false; error: string };

const DAY_MS = 86_400_000;
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Subject, issuer, validity and fingerprint of one certificate, as the UI shows them. */
export function describeCertificate(cert: X509Certificate, now: Date = new Date()): CertificateInfo {
  const validTo = new Date(cert.validTo);
  return {
    subject: cert.subject.split("\n").join(", "),
    issuer: cert.issuer.split("\n").join(", "),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: validTo.toISOString(),
    fingerprint256: cert.fingerprint256,
    expiresInDays: Math.floor((validTo.getTime() - now.getTime()) / DAY_MS),
  };
}

/** Reads a client certificate for the settings form: its details, or a clear error (wrong passphrase, no key). */
export function readCertificate(
  input: CertificateInput,
  now: Date = new Date(),
): ({ ok: true } & CertificateInfo) | { ok: false; error: string } {
  const loaded = loadClientCertificate(input, now);
  return loaded.ok ? { ok: true, ...loaded.value.info } : loaded;
}

/** Loads a PKCS#12 file or a PEM pair into PEM form for node:tls, checking that key and certificate match. */
export function loadClientCertificate(input: CertificateInput, now: Date = new Date()): Loaded {
  if (input.pfxBase64) return fromPkcs12(input.pfxBase64, input.passphrase ?? "", now);
  if (input.certPem) return fromPem(input.certPem, input.keyPem, input.passphrase, now);
  return {
    ok: false,
    error: "No client certificate is set: upload a .pfx/.p12 file or a PEM certificate and key.",
  };
}

function fromPem(
  certPem: string,
  keyPem: string | undefined,
  passphrase: string | undefined,
  now: Date,
): Loaded {
  const blocks = certPem.match(PEM_CERT) ?? [];
  if (blocks.length === 0)
    return { ok: false, error: "The certificate is not in PEM format (-----BEGIN CERTIFICATE-----)." };
  let certs: X509Certificate[];
  try {
    certs = blocks.map((b) => new X509Certificate(b));
  } catch {
    return { ok: false, error: "The PEM certificate could not be read; it may be damaged." };
  }
  if (!keyPem)
    return {
      ok: false,
      error: "The private key is missing: paste the PEM key that belongs to the certificate.",
    };
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: keyPem, ...(passphrase ? { passphrase } : {}) });
  } catch (error) {
    const encrypted = /ENCRYPTED/.test(keyPem);
    return {
      ok: false,
      error: encrypted
        ? "The private key is encrypted and the passphrase is wrong or missing."
        : `The private key could not be read (${(error as Error).message}).`,
    };
  }
  return assemble(certs, key, now);
}

function fromPkcs12(pfxBase64: string, passphrase: string, now: Date): Loaded {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.decode64(pfxBase64.replace(/\s+/g, ""));
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), passphrase);
  } catch (error) {
    const message = (error as Error).message;
    if (/MAC could not be verified|password/i.test(message)) {
      return { ok: false, error: "The passphrase is wrong for this certificate file." };
    }
    return { ok: false, error: "This is not a readable .pfx/.p12 certificate file." };
  }
  const { pki, asn1 } = forge;
  const bagDer = (bag: forge.pkcs12.Bag, toAsn1: () => forge.asn1.Asn1 | undefined) => {
    const node = toAsn1() ?? bag.asn1;
    return Buffer.from(asn1.toDer(node).getBytes(), "binary");
  };
  try {
    const certBags = p12.getBags({ bagType: pki.oids.certBag })[pki.oids.certBag ?? ""] ?? [];
    const certs = certBags.map(
      (bag) =>
        new X509Certificate(bagDer(bag, () => (bag.cert ? pki.certificateToAsn1(bag.cert) : undefined))),
    );
    const keyBags = [pki.oids.pkcs8ShroudedKeyBag, pki.oids.keyBag].flatMap(
      (type) => p12.getBags({ bagType: type })[type ?? ""] ?? [],
    );
    const keyBag = keyBags[0];
    if (!keyBag) return { ok: false, error: "The certificate file contains no private key." };
    // forge only models RSA keys; other key types arrive as raw PKCS#8 ASN.1 that node:crypto reads.
    const key = keyBag.key
      ? createPrivateKey(pki.privateKeyToPem(keyBag.key))
      : createPrivateKey({ key: bagDer(keyBag, () => undefined), format: "der", type: "pkcs8" });
    return assemble(certs, key, now);
  } catch (error) {
    return { ok: false, error: `The certificate file could not be read (${(error as Error).message}).` };
  }
}

function assemble(certs: X509Certificate[], key: KeyObject, now: Date): Loaded {
  const leaf = certs.find((c) => c.checkPrivateKey(key));
  if (!leaf) {
    return {
      ok: false,
      error:
        certs.length === 0
          ? "The file contains no certificate."
          : "The private key does not belong to the certificate.",
    };
  }
  const chain = certs.filter((c) => c !== leaf);
  return {
    ok: true,
    value: {
      certPem: [leaf, ...chain].map((c) => c.toString()).join("\n"),
      keyPem: key.export({ type: "pkcs8", format: "pem" }).toString(),
      info: describeCertificate(leaf, now),
    },
  };
}
