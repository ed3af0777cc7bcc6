// Defaults and limits of an integration's settings: the one place the API, the form, the database and the sync read them.

/** What a new integration gets for each setting it is not given. Applied on create only; an update keeps what is stored. */
export const INTEGRATION_DEFAULTS = {
  successCodes: "2xx",
  timeoutMs: 30_000,
  scheduleCron: "0 2 * * *",
  scheduleTimeZone: "UTC",
  retrySchedule: [60, 300, 1800] as readonly number[],
  failureThreshold: 10,
  concurrency: 4,
  apiKeyHeaderName: "X-API-Key",
  oauth2ClientAuthMethod: "client_secret_basic",
  syncOnCompletion: false,
  syncDebounceSeconds: 10,
  resendOnUpdate: false,
  validateBeforeSending: false,
} as const;

/** Bounds of the numeric and list settings. */
export const INTEGRATION_LIMITS = {
  nameLength: 120,
  timeoutMs: { min: 1_000, max: 120_000 },
  retryDelaySeconds: { min: 1, max: 86_400 * 7 },
  retries: 10,
  failureThreshold: { min: 1, max: 1_000 },
  concurrency: { min: 1, max: 32 },
  syncDebounceSeconds: { min: 1, max: 300 },
  notificationEmails: 50,
  secretLength: 200_000,
  caBundleLength: 200_000,
} as const;
