import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";

/** A PEM certificate with its PEM (PKCS#8) key. */
export type Issued = { certPem: string; keyPem: string };
export type Ca = Issued & { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey };

type Validity = { notBefore?: Date; notAfter?: Date };

const DAY_MS = 86_400_000;
let serial = 1;

// node:crypto makes the RSA keys (native, fast); forge only builds and signs the certificates.
function newKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return {
    keyPem: privateKey,
    key: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

function baseCert(publicKey: forge.pki.PublicKey, commonName: string, validity: Validity) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = (0x1000 + serial++).toString(16);
  cert.validity.notBefore = validity.notBefore ?? new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = validity.notAfter ?? new Date(Date.now() + 365 * DAY_MS);
  cert.setSubject([
    { name: "commonName", value: commonName },
    { name: "organizationName", value: "LMS Sync tests" },
  ]);
  return cert;
}

/** A self-signed certificate authority. */
export function createCa(commonName: string, validity: Validity = {}): Ca {
  const pair = newKeyPair();
  const cert = baseCert(pair.publicKey, commonName, {
    notAfter: new Date(Date.now() + 3650 * DAY_MS),
    ...validity,
  });
  cert.setIssuer(cert.subject.attributes);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(pair.key, forge.md.sha256.create());
  return { cert, key: pair.key, certPem: forge.pki.certificateToPem(cert), keyPem: pair.keyPem };
}

/** A server (SAN localhost and 127.0.0.1 by default) or client certificate signed by `ca`. */
export function issueCertificate(
  ca: Ca,
  options: { commonName: string; kind: "server" | "client"; altNames?: string[] } & Validity,
): Issued {
  const pair = newKeyPair();
  const cert = baseCert(pair.publicKey, options.commonName, options);
  cert.setIssuer(ca.cert.subject.attributes);
  const altNames = (options.altNames ?? (options.kind === "server" ? ["localhost", "127.0.0.1"] : [])).map(
    (name) => (/^\d+\.\d+\.\d+\.\d+$/.test(name) ? { type: 7, ip: name } : { type: 2, value: name }),
  );
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: options.kind === "server", clientAuth: options.kind === "client" },
    ...(altNames.length > 0 ? [{ name: "subjectAltName", altNames }] : []),
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: pair.keyPem };
}

/** A PKCS#12 (.pfx) file, base64, holding the key, the certificate and the CA chain. */
export function toPfxBase64(
  issued: Issued,
  passphrase: string,
  chain: Issued[] = [],
  algorithm: "3des" | "aes256" = "aes256",
) {
  const key = forge.pki.privateKeyFromPem(issued.keyPem);
  const certs = [issued, ...chain].map((c) => forge.pki.certificateFromPem(c.certPem));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, passphrase, { algorithm });
  return forge.util.encode64(forge.asn1.toDer(asn1).getBytes());
}

export type TestPki = {
  /** Trusted by the test receivers for server certificates and client certificates. */
  ca: Ca;
  /** A CA nobody trusts. */
  otherCa: Ca;
  server: Issued;
  /** Valid for 127.0.0.1 / localhost, but expired. */
  expiredServer: Issued;
  /** Signed by otherCa. */
  untrustedServer: Issued;
  /** For a host name the tests never use. */
  wrongHostServer: Issued;
  client: Issued;
  expiredClient: Issued;
  /** Signed by otherCa. */
  otherCaClient: Issued;
};

let cached: TestPki | undefined;

/** The test PKI, generated once per test process. */
export function getTestPki(): TestPki {
  if (cached) return cached;
  const ca = createCa("LMS Sync Test CA");
  const otherCa = createCa("Someone Else's CA");
  const past = {
    notBefore: new Date(Date.now() - 400 * DAY_MS),
    notAfter: new Date(Date.now() - 30 * DAY_MS),
  };
  cached = {
    ca,
    otherCa,
    server: issueCertificate(ca, { commonName: "localhost", kind: "server" }),
    expiredServer: issueCertificate(ca, { commonName: "localhost", kind: "server", ...past }),
    untrustedServer: issueCertificate(otherCa, { commonName: "localhost", kind: "server" }),
    wrongHostServer: issueCertificate(ca, {
      commonName: "hr.example.com",
      kind: "server",
      altNames: ["hr.example.com"],
    }),
    client: issueCertificate(ca, { commonName: "lms-sync-client", kind: "client" }),
    expiredClient: issueCertificate(ca, { commonName: "lms-sync-expired", kind: "client", ...past }),
    otherCaClient: issueCertificate(otherCa, { commonName: "lms-sync-stranger", kind: "client" }),
  };
  return cached;
}
