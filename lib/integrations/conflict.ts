// Words for a settings save refused because someone else saved first (HTTP 409). Client-safe.

export type OtherChange = { by: string; at: string; fields: string[] };

const LABELS: Record<string, string> = {
  name: "name",
  endpointUrl: "endpoint URL",
  testUrl: "test URL",
  authType: "authentication method",
  authConfig: "authentication settings",
  caBundlePem: "trusted CA certificates",
  successCodes: "success codes",
  timeoutMs: "timeout",
  customHeaders: "custom headers",
  scheduleCron: "schedule",
  scheduleTimeZone: "time zone",
  retrySchedule: "retry schedule",
  failureThreshold: "failure threshold",
  concurrency: "concurrency",
  syncOnCompletion: "sync on completion",
  syncDebounceSeconds: "sync on completion's wait",
  resendOnUpdate: "resend on update",
  receiverSchema: "the receiver's JSON Schema",
  validateBeforeSending: "validate before sending",
  notificationEmails: "notification e-mails",
  sendFrom: "send-from time",
};

/** A setting's name in the admin's words (`scheduleCron` → "schedule", `secrets.apiKey` → "the apiKey secret"). */
export function settingLabel(field: string): string {
  if (field.startsWith("secrets.")) return `the ${field.slice("secrets.".length)} secret`;
  return LABELS[field] ?? field;
}

/** "a@example.com changed schedule, time zone at <when>" for one save made meanwhile. */
export function describeChange(
  change: OtherChange,
  formatAt: (iso: string) => string = (iso) => iso,
): string {
  const fields = [...new Set(change.fields.map(settingLabel))];
  const who = change.by.replace(/ \((session|token)\)$/, "");
  return `${who} changed ${fields.length === 0 ? "the settings" : fields.join(", ")} at ${formatAt(change.at)}`;
}

/** The 409's message: every save made since the version the change was made from. */
export function describeConflict(changes: readonly OtherChange[]): string {
  const who = changes.length > 0 ? `: ${changes.map((c) => describeChange(c)).join("; ")}` : "";
  return `Someone saved these settings after you opened them${who}. Load their version, then save your change again.`;
}
