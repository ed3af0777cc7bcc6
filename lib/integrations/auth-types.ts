// The facts about each way LMS Sync signs in to a receiver, in one place. Client-safe: zod and constants only.
// Adding an auth type means a descriptor here, its sender in lib/delivery/auth, and their tests.

import { z } from "zod";
import { headerNameSchema, httpUrlSchema } from "./field-schemas";

export const AUTH_TYPES = [
  "api_key",
  "bearer",
  "bearer_login",
  "basic",
  "oauth2",
  "client_cert",
  "none",
] as const;
export type AuthTypeName = (typeof AUTH_TYPES)[number];
export const authTypeSchema = z
  .enum(AUTH_TYPES)
  .describe("How LMS Sync signs in to the receiver; each type reads its own settings and secret");

/** Names of the write-only secrets an integration can hold. */
export const SECRET_NAMES = [
  "apiKey",
  "token",
  "password",
  "clientSecret",
  "clientCertPfx",
  "clientCertPassphrase",
  "clientCertPem",
  "clientKeyPem",
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
/** The secrets that make up a client certificate, and the two files one of which must be present. */
export const CERT_SECRET_NAMES = [
  "clientCertPfx",
  "clientCertPassphrase",
  "clientCertPem",
  "clientKeyPem",
] as const satisfies readonly SecretName[];
export const CERT_FILE_NAMES = ["clientCertPfx", "clientCertPem"] as const satisfies readonly SecretName[];

/** Non-secret auth settings; which keys apply depends on the auth type (its descriptor's `settings`). */
export const authConfigSchema = z
  .object({
    headerName: headerNameSchema.optional().describe("api_key: the header that carries the key"),
    username: z.string().optional().describe("basic, bearer_login: the user name"),
    loginUrl: httpUrlSchema.optional().describe("bearer_login: where the credentials are POSTed"),
    usernameField: z.string().min(1).optional().describe("bearer_login: JSON key for the user name"),
    passwordField: z.string().min(1).optional().describe("bearer_login: JSON key for the password"),
    tokenUrl: httpUrlSchema.optional().describe("oauth2: the token endpoint"),
    clientId: z.string().optional().describe("oauth2: the client ID"),
    scope: z.string().optional().describe("oauth2: space-separated scopes"),
    clientAuthMethod: z
      .enum(["client_secret_basic", "client_secret_post"])
      .optional()
      .describe("oauth2: how the client credentials reach the token endpoint"),
    useClientCert: z.boolean().optional().describe("Also present a client certificate (mutual TLS)"),
  })
  .describe("Non-secret settings of the auth type; keys another type reads are dropped");
export type AuthConfig = z.infer<typeof authConfigSchema>;
export type AuthSettingName = keyof AuthConfig;

/** One input of an auth type's settings, as the form shows it. */
export type AuthFieldSpec =
  | {
      kind: "text" | "url";
      name: Exclude<AuthSettingName, "useClientCert" | "clientAuthMethod">;
      label: string;
      hint?: string;
      placeholder?: string;
      isOptional?: boolean;
      isMono?: boolean;
      isWide?: boolean;
      suggestions?: readonly string[];
    }
  | {
      kind: "select";
      name: "clientAuthMethod";
      label: string;
      hint?: string;
      options: readonly [string, string][];
    }
  | { kind: "secret"; name: SecretName; label: string; hint?: string; isWide?: boolean };

export type AuthDescriptor = {
  /** The choice in the settings form. */
  label: string;
  /** The non-secret settings the type reads (the rest of authConfig is dropped when the type changes). */
  settings: readonly AuthSettingName[];
  /** Settings that must be filled in, with how a message names them. */
  required: readonly { field: AuthSettingName; label: string }[];
  /** The write-only secret it signs in with (client_cert's certificate is checked when it is read). */
  secret: { name: SecretName; label: string } | null;
  /** What the credential is called in diagnoses ("The receiver did not accept the API key"). */
  credential: string;
  /** Whether it fetches a token first (and fetches a new one once after a 401). */
  fetchesToken: boolean;
  /** Refused in production (test setups only). */
  isTestOnly: boolean;
  /** The form's inputs, in order. */
  fields: readonly AuthFieldSpec[];
  /** A note the form shows instead of (or after) the inputs. */
  note?: string;
};

const CERT_OPTION: AuthSettingName = "useClientCert";

export const AUTH: Record<AuthTypeName, AuthDescriptor> = {
  api_key: {
    label: "API key in a header",
    settings: ["headerName", CERT_OPTION],
    required: [],
    secret: { name: "apiKey", label: "API key" },
    credential: "API key",
    fetchesToken: false,
    isTestOnly: false,
    fields: [
      {
        kind: "text",
        name: "headerName",
        label: "Header name",
        hint: "The header that carries the key: X-API-Key, Authorization, apikey, or what the receiver names.",
        isMono: true,
        suggestions: ["X-API-Key", "Authorization", "apikey", "Ocp-Apim-Subscription-Key"],
      },
      { kind: "secret", name: "apiKey", label: "API key", hint: "Sent as is in the header above." },
    ],
  },
  bearer: {
    label: "Bearer token",
    settings: [CERT_OPTION],
    required: [],
    secret: { name: "token", label: "token" },
    credential: "bearer token",
    fetchesToken: false,
    isTestOnly: false,
    fields: [
      {
        kind: "secret",
        name: "token",
        label: "Token",
        hint: "Sent as “Authorization: Bearer …” with every request.",
        isWide: true,
      },
    ],
  },
  bearer_login: {
    label: "Bearer token from a login endpoint",
    settings: ["loginUrl", "username", "usernameField", "passwordField", CERT_OPTION],
    required: [
      { field: "loginUrl", label: "login URL" },
      { field: "username", label: "username" },
    ],
    secret: { name: "password", label: "password" },
    credential: "token from the login endpoint",
    fetchesToken: true,
    isTestOnly: false,
    fields: [
      {
        kind: "url",
        name: "loginUrl",
        label: "Login URL",
        placeholder: "https://hr.example.com/api/login",
        hint: "LMS Sync POSTs the username and password here and reads access_token from the reply; the token is kept until it expires and renewed once on a 401.",
        isMono: true,
        isWide: true,
      },
      { kind: "text", name: "username", label: "Username" },
      { kind: "secret", name: "password", label: "Password" },
      {
        kind: "text",
        name: "usernameField",
        label: "Username field name",
        isOptional: true,
        placeholder: "username",
        hint: "The JSON key the login endpoint expects for the username.",
        isMono: true,
      },
      {
        kind: "text",
        name: "passwordField",
        label: "Password field name",
        isOptional: true,
        placeholder: "password",
        hint: "The JSON key for the password.",
        isMono: true,
      },
    ],
  },
  basic: {
    label: "Basic (username and password)",
    settings: ["username", CERT_OPTION],
    required: [{ field: "username", label: "username" }],
    secret: { name: "password", label: "password" },
    credential: "username or password",
    fetchesToken: false,
    isTestOnly: false,
    fields: [
      {
        kind: "text",
        name: "username",
        label: "Username",
        hint: "Sent as “Authorization: Basic …” with the password.",
      },
      { kind: "secret", name: "password", label: "Password" },
    ],
  },
  oauth2: {
    label: "OAuth2 client credentials",
    settings: ["tokenUrl", "clientId", "scope", "clientAuthMethod", CERT_OPTION],
    required: [
      { field: "tokenUrl", label: "token URL" },
      { field: "clientId", label: "client ID" },
    ],
    secret: { name: "clientSecret", label: "client secret" },
    credential: "OAuth2 access token",
    fetchesToken: true,
    isTestOnly: false,
    fields: [
      {
        kind: "url",
        name: "tokenUrl",
        label: "Token URL",
        placeholder: "https://login.example.com/oauth2/token",
        hint: "Client-credentials grant; the access token is kept until expires_in runs out.",
        isMono: true,
        isWide: true,
      },
      { kind: "text", name: "clientId", label: "Client ID", isMono: true },
      { kind: "secret", name: "clientSecret", label: "Client secret" },
      {
        kind: "text",
        name: "scope",
        label: "Scope",
        isOptional: true,
        placeholder: "completions.write",
        hint: "Space-separated, as the identity provider expects.",
      },
      {
        kind: "select",
        name: "clientAuthMethod",
        label: "Client authentication",
        hint: "How the client ID and secret reach the token endpoint.",
        options: [
          ["client_secret_basic", "HTTP Basic header (client_secret_basic)"],
          ["client_secret_post", "In the form body (client_secret_post)"],
        ],
      },
    ],
  },
  client_cert: {
    label: "Client certificate (mutual TLS)",
    settings: [],
    required: [],
    secret: null,
    credential: "client certificate",
    fetchesToken: false,
    isTestOnly: false,
    fields: [],
    note: "LMS Sync presents a client certificate in the TLS handshake (mutual TLS); nothing else is sent. Upload it under Client certificate below.",
  },
  none: {
    label: "None (test setups only)",
    settings: [],
    required: [],
    secret: null,
    credential: "request (no credentials were sent)",
    fetchesToken: false,
    isTestOnly: true,
    fields: [],
  },
};

/** Whether the auth type can present a client certificate beside its own credential. */
export function canAddClientCert(authType: AuthTypeName): boolean {
  // Settings that failed validation can name a type that does not exist; it presents nothing.
  const auth: AuthDescriptor | undefined = AUTH[authType];
  return auth?.settings.includes(CERT_OPTION) ?? false;
}

/** Whether the integration presents a client certificate: always for client_cert, optionally alongside others. */
export function usesClientCert(
  authType: AuthTypeName,
  authConfig: Pick<AuthConfig, "useClientCert">,
): boolean {
  return authType === "client_cert" || (canAddClientCert(authType) && authConfig.useClientCert === true);
}

/** The required settings of the auth type that are empty. */
export function missingAuthSettings(authType: AuthTypeName, auth: AuthConfig) {
  return AUTH[authType].required.filter(({ field }) => {
    const value = auth[field];
    return typeof value !== "string" || value.trim() === "";
  });
}

/** Keeps only the settings the auth type reads. */
export function pickAuthSettings(authType: AuthTypeName, auth: AuthConfig): AuthConfig {
  const keep = AUTH[authType].settings;
  return Object.fromEntries(Object.entries(auth).filter(([k]) => keep.includes(k as AuthSettingName)));
}
