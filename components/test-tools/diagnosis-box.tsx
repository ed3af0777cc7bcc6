import { DIAGNOSIS_LABELS } from "@/lib/delivery/model";
import type { Diagnosis } from "@/lib/delivery/types";

/** A failure's diagnosis: its class, the cause and the fix (the test tools and the sync log show the same). */
export function DiagnosisBox({
  diagnosis,
  tone = "error",
}: {
  diagnosis: Diagnosis;
  tone?: "error" | "warning";
}) {
  const styles = tone === "error" ? "border-red-200 bg-red-50" : "border-amber-200 bg-amber-50";
  return (
    <div
      role="status"
      data-testid="diagnosis"
      data-class={diagnosis.class}
      className={`rounded-lg border p-3 text-sm ${styles}`}
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        {DIAGNOSIS_LABELS[diagnosis.class]}
      </p>
      <p className="mt-1 font-medium text-slate-900">{diagnosis.cause}</p>
      <p className="mt-1 text-slate-700">
        <span className="font-medium">What to do: </span>
        {diagnosis.fix}
      </p>
    </div>
  );
}
