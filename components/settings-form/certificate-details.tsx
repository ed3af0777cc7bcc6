import { Alert } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import { certificateExpiry } from "@/lib/integrations/certificate-expiry";

export type CertificateSummary = { subject: string; issuer: string; validFrom: string; validTo: string };

/** Subject, issuer and validity of a client certificate, with a warning when it expires within 30 days. */
export function CertificateDetails({ cert, title }: { cert: CertificateSummary; title: string }) {
  const expiry = certificateExpiry(cert.validTo);
  return (
    <div className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200" data-testid="certificate-details">
      <p className="text-sm font-medium text-slate-900">{title}</p>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-500">Subject</dt>
        <dd className="break-all font-mono text-xs text-slate-800">{cert.subject}</dd>
        <dt className="text-slate-500">Issuer</dt>
        <dd className="break-all font-mono text-xs text-slate-800">{cert.issuer}</dd>
        <dt className="text-slate-500">Valid</dt>
        <dd className="text-slate-800">
          <DateTime value={cert.validFrom} /> – <DateTime value={cert.validTo} />
        </dd>
      </dl>
      {expiry.state === "expired" ? (
        <div className="mt-3">
          <Alert>
            This certificate has expired: the receiver will refuse the handshake. Upload a new one.
          </Alert>
        </div>
      ) : null}
      {expiry.state === "expiring" ? (
        <div className="mt-3">
          <Alert tone="warning">
            This certificate expires in {expiry.days} {expiry.days === 1 ? "day" : "days"}. Ask the receiver’s
            IT for a new one in time.
          </Alert>
        </div>
      ) : null}
    </div>
  );
}
