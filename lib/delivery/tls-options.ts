import "server-only";
import tls from "node:tls";
import { usesClientCert } from "../integrations/auth-types";
import { certificateInputFromSecrets, loadClientCertificate } from "./certificate";
import type { CertificateInfo, ConnectionSettings, Failure } from "./types";

/** The TLS options shared by the connection pool and Test connection's TLS probe. */
export type TlsOptions = Pick<tls.ConnectionOptions, "ca" | "cert" | "key" | "minVersion" | "secureContext">;

export type TlsMaterial =
  | { ok: true; options: TlsOptions; clientCert?: CertificateInfo }
  | { ok: false; failure: Failure };

/** True when the integration presents a client certificate (alone or with another auth type). */
export function presentsClientCert(settings: Pick<ConnectionSettings, "authType" | "auth">): boolean {
  return usesClientCert(settings.authType, settings.auth ?? {});
}

/** Builds CA and client-certificate options; a broken bundle or certificate is a configuration failure. */
export function buildTlsOptions(settings: ConnectionSettings): TlsMaterial {
  const options: TlsOptions = { minVersion: "TLSv1.2" };
  const bundle = settings.caBundlePem?.trim();
  if (bundle) {
    if (!bundle.includes("-----BEGIN CERTIFICATE-----")) {
      return {
        ok: false,
        failure: { code: "config", message: "The custom CA bundle is not a PEM certificate." },
      };
    }
    // Added to the public roots, not instead of them: the receiver may move to a public CA later.
    options.ca = [...tls.rootCertificates, bundle];
  }
  if (!presentsClientCert(settings)) return withSecureContext(options);
  const { secrets } = settings;
  const loaded = loadClientCertificate(certificateInputFromSecrets(secrets));
  if (!loaded.ok) {
    return {
      ok: false,
      failure: { code: "config", message: `Client certificate: ${loaded.error}`, reason: "client_cert" },
    };
  }
  options.cert = loaded.value.certPem;
  options.key = loaded.value.keyPem;
  return withSecureContext(options, loaded.value.info);
}

/**
 * Builds the TLS context once for the pool: given only the options, every new connection would parse the CA
 * bundle (with the public roots, some 150 certificates) again, tens of milliseconds each time.
 */
function withSecureContext(options: TlsOptions, clientCert?: CertificateInfo): TlsMaterial {
  if (!options.ca && !options.cert) return { ok: true, options, ...(clientCert && { clientCert }) };
  try {
    const secureContext = tls.createSecureContext(options);
    return { ok: true, options: { ...options, secureContext }, ...(clientCert && { clientCert }) };
  } catch (error) {
    const what = options.cert ? "The client certificate or the custom CA bundle" : "The custom CA bundle";
    return {
      ok: false,
      failure: { code: "config", message: `${what} cannot be used: ${(error as Error).message}` },
    };
  }
}
