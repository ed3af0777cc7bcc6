import { DateTime } from "@/components/ui/date-time";
import type { TestStage } from "@/lib/delivery/types";

const LABELS: Record<TestStage["name"], string> = {
  dns: "DNS lookup",
  connect: "TCP connect",
  tls: "TLS handshake",
  token: "Token",
  http: "HTTP request",
};

export function StageList({ stages }: { stages: TestStage[] }) {
  return (
    <ol className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" data-testid="stages">
      {stages.map((s) => (
        <li key={s.name} className="flex items-start gap-3 px-3 py-2 text-sm">
          <span aria-hidden className={`mt-0.5 font-bold ${s.ok ? "text-emerald-600" : "text-red-600"}`}>
            {s.ok ? "✓" : "✗"}
          </span>
          <div className="min-w-0 flex-1">
            <div className="flex justify-between gap-2">
              <span className="font-medium">
                {LABELS[s.name]} <span className="sr-only">{s.ok ? "passed" : "failed"}</span>
              </span>
              <span className="tabular-nums text-slate-500">{Math.round(s.durationMs)} ms</span>
            </div>
            <p className="break-words text-slate-600">{s.detail}</p>
            {s.certificate ? (
              <p className="mt-1 text-xs text-slate-500">
                Server certificate: {s.certificate.subject} · issued by {s.certificate.issuer} · valid until{" "}
                <DateTime value={s.certificate.validTo} dateOnly />
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
