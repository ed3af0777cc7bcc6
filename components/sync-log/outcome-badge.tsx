import { Badge, type Tone } from "@/components/ui/badge";
import type { LogOutcome } from "@/lib/sync/model";

const TONE: Record<LogOutcome, Tone> = { success: "green", failure: "red", interrupted: "amber" };

/**
 * An attempt's outcome as a badge: the HTTP status, or the failure's code; an interrupted attempt (the receiver may
 * or may not have it) is neither green nor red.
 */
export function OutcomeBadge({
  outcome,
  status,
  errorCode,
}: {
  outcome: LogOutcome;
  status: number | null;
  errorCode: string | null;
}) {
  return <Badge tone={TONE[outcome]}>{status ? `HTTP ${status}` : (errorCode ?? "failed")}</Badge>;
}
