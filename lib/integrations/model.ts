// The integration domain's words: statuses, auth types and their facts, secret names, defaults and limits.
// Client-safe (zod and constants only): the form, the API, the database schema and the sync all import from here.

export {
  AUTH,
  AUTH_TYPES,
  type AuthConfig,
  type AuthDescriptor,
  type AuthFieldSpec,
  type AuthSettingName,
  type AuthTypeName,
  authConfigSchema,
  authTypeSchema,
  CERT_FILE_NAMES,
  CERT_SECRET_NAMES,
  canAddClientCert,
  missingAuthSettings,
  pickAuthSettings,
  SECRET_NAMES,
  type SecretName,
  usesClientCert,
} from "./auth-types";
export { INTEGRATION_DEFAULTS, INTEGRATION_LIMITS } from "./limits";

export const INTEGRATION_STATUSES = ["active", "paused", "auto_disabled"] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

/**
 * One stored secret: AES-256-GCM ciphertext (lib/crypto) and when it last changed. An outbound signing secret
 * (`signing:<created at>`) that was rotated out has `validUntil`, the end of its overlap.
 */
export type StoredSecret = { ciphertext: string; changedAt: string; validUntil?: string | null };
/** What the UI shows of a client certificate; read when it is saved. */
export type ClientCertInfo = { subject: string; issuer: string; validFrom: string; validTo: string };
