// The notification domain's words. Client-safe: the database schema, the API and the inbox import from here.

/** How much a notification matters; the inbox colours it by this. */
export const NOTIFICATION_SEVERITIES = ["info", "warning", "error"] as const;
export type NotificationSeverity = (typeof NOTIFICATION_SEVERITIES)[number];
