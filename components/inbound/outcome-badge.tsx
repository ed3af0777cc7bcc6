import { Badge, type Tone } from "@/components/ui/badge";
import { INBOUND_OUTCOME_LABELS, type InboundOutcome } from "@/lib/inbound/model";

const TONES: Record<InboundOutcome, Tone> = {
  accepted: "green",
  partial: "amber",
  failed: "red",
  invalid: "red",
  refused: "red",
  replayed: "slate",
  error: "red",
};

/** What became of an inbound request, with the HTTP status it was answered with. */
export function OutcomeBadge({ outcome, status }: { outcome: InboundOutcome; status: number }) {
  return (
    <Badge tone={TONES[outcome]}>
      {INBOUND_OUTCOME_LABELS[outcome]} · {status}
    </Badge>
  );
}
