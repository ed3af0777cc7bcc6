import type { ConnectionSettings } from "./types";

export const REDACTED = "[redacted]";

// Names that carry credentials by convention, whatever the integration calls them.
const SENSITIVE_NAME =
  /authorization|token|secret|password|passwd|api[-_]?key|cookie|session|signature|credential/i;
// Shorter values would blank out ordinary words in bodies (a secret header is still masked by its name).
const MIN_SECRET_LENGTH = 4;
// Answer headers that carry a credential (besides an echoed Authorization): session cookies. Challenges
// (WWW-Authenticate, Proxy-Authenticate) name a scheme and realm, not a credential, and stay visible.
const CREDENTIAL_RESPONSE_HEADERS = new Set(["set-cookie", "set-cookie2"]);

type SecretSource = Pick<ConnectionSettings, "auth" | "secrets"> &
  Pick<Partial<ConnectionSettings>, "secretHeaders" | "signingKeys">;

// Settings objects are not changed once built; a sync redacts thousands of attempts with one of them.
const memo = new WeakMap<object, { extra: string; values: string[] }>();

/** Every secret string an integration holds, plus the encodings that travel on the wire. */
export function secretValues(settings: SecretSource, extra: (string | undefined)[] = []): string[] {
  const key = extra.join("\u0000");
  const known = memo.get(settings);
  if (known?.extra === key) return known.values;
  const values = computeSecretValues(settings, extra);
  memo.set(settings, { extra: key, values });
  return values;
}

function computeSecretValues(settings: SecretSource, extra: (string | undefined)[]): string[] {
  // Tolerates half-filled settings: an outcome for invalid settings is still redacted.
  const secrets = settings.secrets ?? {};
  const auth = settings.auth ?? {};
  const raw: (string | undefined)[] = [
    secrets.apiKey,
    secrets.token,
    secrets.password,
    secrets.clientSecret,
    secrets.clientCertPassphrase,
    ...Object.values(settings.secretHeaders ?? {}),
    ...(settings.signingKeys ?? []).flatMap((k) => [k.secret, k.secret.replace(/^whsec_/, "")]),
    ...extra,
  ];
  const values: (string | undefined)[] = raw.flatMap((v) => (v === undefined ? [] : wireForms(v)));
  if (secrets.password !== undefined) values.push(toBase64(`${auth.username ?? ""}:${secrets.password}`));
  if (secrets.clientSecret !== undefined) {
    values.push(toBase64(`${encodeForm(auth.clientId ?? "")}:${encodeForm(secrets.clientSecret)}`));
    values.push(toBase64(`${auth.clientId ?? ""}:${secrets.clientSecret}`));
  }
  const unique = new Set(values.filter((v): v is string => v !== undefined && v.length >= MIN_SECRET_LENGTH));
  // Longest first so a secret that contains another is replaced whole.
  return [...unique].sort((a, b) => b.length - a.length);
}

/** Each secret as a text may carry it (inbound bodies): see wireForms. */
export function secretForms(secrets: readonly string[]): string[] {
  return [...new Set(secrets.flatMap(wireForms))];
}

/** A secret as it can come back from a server: as is, JSON-escaped (with "/" escaped or not), URL- and form-encoded. */
function wireForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  // JSON may also escape "/" (PHP's json_encode does), which base64 secrets hold.
  return [secret, json, json.replaceAll("/", "\\/"), encodeURIComponent(secret), encodeForm(secret)];
}

// A text cut at a size cap can end in the first part of a secret; this much of one is still masked.
const MIN_CUT_PREFIX = 8;

/**
 * Replaces every occurrence of each secret in a text (response bodies, error messages, Location headers that echo
 * the request), and a secret's beginning (8 characters or more) where the text ends, as when a body was cut.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const secret of secrets) {
    for (let n = Math.min(secret.length - 1, out.length); n >= MIN_CUT_PREFIX; n--) {
      if (out.endsWith(secret.slice(0, n))) {
        out = `${out.slice(0, out.length - n)}${REDACTED}`;
        break;
      }
    }
  }
  return out;
}

/** Every string inside a value (an outcome, a test result) with the secrets masked; other values as they are. */
export function scrubDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === "string") return scrubSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, secrets)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, secrets)])) as T;
  }
  return value;
}

/** Headers safe to store or show: credentials become `[redacted]` (the auth scheme stays visible). */
export function redactHeaders(
  headers: Record<string, string>,
  settings?: SecretSource,
  extraSecrets: (string | undefined)[] = [],
): Record<string, string> {
  const apiKeyHeader = settings?.auth?.headerName?.toLowerCase() ?? "x-api-key";
  return redactEach(
    headers,
    settings,
    extraSecrets,
    (lower) => lower === apiKeyHeader || SENSITIVE_NAME.test(lower),
  );
}

/**
 * An answer's headers safe to store or show: session cookies become `[redacted]` whole (as a request's Cookie does),
 * so do echoed credentials and secret headers; secrets inside the others are masked.
 */
export function redactResponseHeaders(
  headers: Record<string, string>,
  settings: SecretSource,
  extraSecrets: (string | undefined)[] = [],
): Record<string, string> {
  return redactEach(headers, settings, extraSecrets, (lower) => CREDENTIAL_RESPONSE_HEADERS.has(lower));
}

/** Authorization keeps its scheme; a secret header (by name, any case) or a credential name is masked whole. */
function redactEach(
  headers: Record<string, string>,
  settings: SecretSource | undefined,
  extraSecrets: (string | undefined)[],
  isCredentialName: (lower: string) => boolean,
): Record<string, string> {
  const secretNames = secretHeaderNames(settings);
  const secrets = settings ? secretValues(settings, extraSecrets) : [];
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === "authorization" || lower === "proxy-authorization") {
      const scheme = /^(\w+)\s+\S/.exec(value)?.[1];
      out[name] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
    } else if (secretNames.has(lower) || isCredentialName(lower)) {
      out[name] = REDACTED;
    } else {
      out[name] = scrubSecrets(value, secrets);
    }
  }
  return out;
}

const noNames: ReadonlySet<string> = new Set();
const namesMemo = new WeakMap<object, ReadonlySet<string>>();

/** The integration's secret header names, lower-cased: header names match in any case. */
function secretHeaderNames(settings: SecretSource | undefined): ReadonlySet<string> {
  const secretHeaders = settings?.secretHeaders;
  if (!secretHeaders) return noNames;
  let names = namesMemo.get(secretHeaders);
  if (!names) {
    names = new Set(Object.keys(secretHeaders).map((n) => n.toLowerCase()));
    namesMemo.set(secretHeaders, names);
  }
  return names;
}

function toBase64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** application/x-www-form-urlencoded encoding (RFC 6749 2.3.1 uses it for client credentials). */
export function encodeForm(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
