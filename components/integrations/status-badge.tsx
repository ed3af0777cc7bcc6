import { Badge } from "@/components/ui/badge";

const LABELS = {
  active: { tone: "green", text: "Active" },
  paused: { tone: "slate", text: "Paused" },
  auto_disabled: { tone: "red", text: "Auto-disabled" },
} as const;

export function StatusBadge({ status }: { status: keyof typeof LABELS }) {
  const l = LABELS[status];
  return <Badge tone={l.tone}>{l.text}</Badge>;
}
