import type { AuthConfig, AuthTypeName } from "@/db/schema/integrations";
import type { SecretName } from "./schemas";

/** The non-secret settings each auth type reads; the rest of `authConfig` is dropped when the type changes. */
export const AUTH_SETTINGS: Record<AuthTypeName, readonly (keyof AuthConfig)[]> = {
  api_key: ["headerName", "useClientCert"],
  bearer: ["useClientCert"],
  bearer_login: ["loginUrl", "username", "usernameField", "passwordField", "useClientCert"],
  basic: ["username", "useClientCert"],
  oauth2: ["tokenUrl", "clientId", "scope", "clientAuthMethod", "useClientCert"],
  client_cert: [],
  none: [],
};

/** Whether the integration presents a client certificate: always for client_cert, optionally alongside others. */
export function usesClientCert(authType: AuthTypeName, authConfig: AuthConfig): boolean {
  return authType === "client_cert" || authConfig.useClientCert === true;
}

/** The write-only secret each auth type signs in with (client_cert's certificate is checked when it is read). */
export const AUTH_SECRET: Record<AuthTypeName, { name: SecretName; label: string } | null> = {
  api_key: { name: "apiKey", label: "API key" },
  bearer: { name: "token", label: "token" },
  bearer_login: { name: "password", label: "password" },
  basic: { name: "password", label: "password" },
  oauth2: { name: "clientSecret", label: "client secret" },
  client_cert: null,
  none: null,
};

/**
 * The auth type's secret when it is neither stored nor being set, as a save problem; `changes` is the write-only
 * secrets input (a value sets, null clears), `stored` the names already set.
 */
export function missingAuthSecret(
  authType: AuthTypeName,
  stored: readonly string[],
  changes: Partial<Record<SecretName, string | null>> | undefined,
): { path: `secrets.${SecretName}`; message: string } | null {
  const secret = AUTH_SECRET[authType];
  if (!secret) return null;
  const change = changes?.[secret.name];
  const isSet = change === undefined ? stored.includes(secret.name) : change !== null && change !== "";
  return isSet ? null : { path: `secrets.${secret.name}`, message: `Enter the ${secret.label}` };
}
