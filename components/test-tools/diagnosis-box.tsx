import type { Diagnosis } from "@/lib/delivery/types";

export function DiagnosisBox({
  diagnosis,
  tone = "error",
}: {
  diagnosis: Diagnosis;
  tone?: "error" | "warning";
}) {
  const styles = tone === "error" ? "border-red-200 bg-red-50" : "border-amber-200 bg-amber-50";
  return (
    <div role="status" data-testid="diagnosis" className={`rounded-lg border p-3 text-sm ${styles}`}>
      <p className="font-medium text-slate-900">{diagnosis.cause}</p>
      <p className="mt-1 text-slate-700">
        <span className="font-medium">What to do: </span>
        {diagnosis.fix}
      </p>
    </div>
  );
}
