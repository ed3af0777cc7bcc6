const DAY_MS = 86_400_000;

/** How many days before expiry the settings start warning about a client certificate. */
export const CERT_WARNING_DAYS = 30;

export type CertificateExpiry = { days: number; state: "expired" | "expiring" | "valid" };

/** Whether a certificate valid until `validTo` has expired, expires within 30 days, or is fine. */
export function certificateExpiry(validTo: string | Date, now: Date = new Date()): CertificateExpiry {
  const end = typeof validTo === "string" ? new Date(validTo) : validTo;
  const days = Math.floor((end.getTime() - now.getTime()) / DAY_MS);
  if (end.getTime() <= now.getTime()) return { days, state: "expired" };
  return { days, state: days < CERT_WARNING_DAYS ? "expiring" : "valid" };
}
