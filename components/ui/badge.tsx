import type { ReactNode } from "react";

export type Tone = "green" | "amber" | "red" | "slate" | "indigo";

const TONES: Record<Tone, string> = {
  green: "bg-success-50 text-success-700 ring-success-600/20",
  amber: "bg-warning-50 text-warning-800 ring-warning-600/20",
  red: "bg-danger-50 text-danger-700 ring-danger-600/20",
  slate: "bg-ink-100 text-ink-700 ring-ink-500/20",
  indigo: "bg-brand-50 text-brand-700 ring-brand-600/20",
};

export function Badge({ tone = "slate", children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-control px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
