import "server-only";

export { checkUrlAllowed, checkUrlForSave, type UrlCheck } from "./address-policy";
export { type CertificateInput, readCertificate } from "./certificate";
export { type CurlOptions, type CurlRequest, toCurl } from "./curl";
export { diagnose } from "./diagnose";
export { closeAllPools, DEFAULT_TIMEOUT_MS } from "./pool";
export { REDACTED, redactHeaders } from "./redact";
export { parseRetryAfter } from "./retry-after";
export { connectionSettingsSchema } from "./schemas";
export { headersBeforeAuth, type SendAttemptInput, sendAttempt } from "./send-attempt";
export { DEFAULT_SUCCESS_CODES, isSuccessStatus, successCodeMatcher } from "./success-codes";
export { type TestConnectionInput, testConnection } from "./test-connection";
export { clearTokenCache } from "./token-cache";
export type {
  AttemptOutcome,
  AuthType,
  CertificateInfo,
  ConnectionSettings,
  Diagnosis,
  ErrorCode,
  Target,
  TestConnectionResult,
  TestStage,
} from "./types";
export { USER_AGENT } from "./user-agent";
