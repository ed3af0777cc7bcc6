import { redactHeaders, scrubSecrets, secretValues } from "./redact";
import type { ConnectionSettings } from "./types";

/** What a curl command needs; an AttemptOutcome or a sync log row fits. */
export type CurlRequest = {
  method?: string;
  url: string;
  requestHeaders: Record<string, string>;
  /** The JSON body as sent (a string), or a value to serialise. */
  requestBody?: unknown;
};

export type CurlOptions = {
  /** Redacts with the integration's own secrets too, for requests not yet redacted. */
  settings?: Pick<ConnectionSettings, "auth" | "secrets">;
  /** Adds `--cert`/`--key` placeholders (the certificate itself is never printed). */
  clientCert?: boolean;
  /** Adds a `--cacert` placeholder for receivers on a private PKI. */
  customCa?: boolean;
};

function quote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Renders a request as a copy-pasteable curl command with secrets masked. */
export function toCurl(request: CurlRequest, options: CurlOptions = {}): string {
  const method = (request.method ?? (request.requestBody === undefined ? "GET" : "POST")).toUpperCase();
  // One option per line, so a long command stays readable in the log view.
  const lines = [`curl -i${method === "GET" ? "" : ` -X ${method}`} ${quote(request.url)}`];
  // Redacting twice is harmless: an already-masked value stays masked.
  for (const [name, value] of Object.entries(redactHeaders(request.requestHeaders, options.settings))) {
    lines.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  if (options.clientCert) lines.push("--cert client-cert.pem --key client-key.pem");
  if (options.customCa) lines.push("--cacert ca-bundle.pem");
  if (request.requestBody !== undefined) {
    const body =
      typeof request.requestBody === "string" ? request.requestBody : JSON.stringify(request.requestBody);
    const secrets = options.settings ? secretValues(options.settings) : [];
    lines.push(`--data-raw ${quote(scrubSecrets(body, secrets))}`);
  }
  return lines.join(" \\\n  ");
}
