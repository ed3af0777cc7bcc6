import { formatDateTime, formatDay } from "@/lib/format";
import type { RunOutput } from "@/lib/sync/schemas";

const n = (value: number) => value.toLocaleString("en-US");

/** What started a run, in words (a trigger this page does not know yet is shown as it is). */
export const TRIGGER_LABELS: Record<string, string> = {
  schedule: "Schedule",
  manual: "Run now",
  retry: "Retries due",
  completion: "New completions",
  tick: "Due deliveries",
  enable: "Enabled",
  resend: "Resend",
};

/** The counts of a run in one line: "1,000 sent, 998 accepted, 2 failed (2 to retry)". */
export function runCounts(run: Pick<RunOutput, "sent" | "accepted" | "retried" | "failed">): string {
  const failed = run.retried + run.failed;
  const parts = [`${n(run.sent)} sent`, `${n(run.accepted)} accepted`, `${n(failed)} failed`];
  const retry = run.retried > 0 ? ` (${n(run.retried)} to retry)` : "";
  return `${parts.join(", ")}${retry}`;
}

/** Deliveries that were not due when a run found nothing to send: those waiting for their next retry. */
export type Waiting = { retrying: number; nextRetryAt: string | null };

/**
 * A run in one sentence, as Run now shows it in place: waiting, going (with its counts so far), or how it ended.
 * For a run that found nothing to send, `sendFrom` (the integration's send-from date) and what still waits for a
 * retry say why.
 */
export function describeRun(run: RunOutput, sendFrom?: string | null, waiting?: Waiting): string {
  switch (run.status) {
    case "queued":
      return "Run queued: a worker starts it within seconds…";
    case "running":
      return `Running: ${runCounts(run)} so far…`;
    case "completed":
      if (run.sent === 0 && run.retried + run.failed === 0) {
        if (waiting && waiting.retrying > 0) {
          const at = waiting.nextRetryAt ? ` (the next at ${formatDateTime(waiting.nextRetryAt)})` : "";
          return `Nothing was due: ${n(waiting.retrying)} ${waiting.retrying === 1 ? "delivery waits" : "deliveries wait"} for a retry${at}.`;
        }
        return sendFrom
          ? `Nothing was due: every completion since ${formatDay(sendFrom)} has been sent.`
          : "Nothing was due: every completion has been sent.";
      }
      return `Done: ${runCounts(run)}.`;
    case "stopped":
      return `Stopped after ${runCounts(run)}: ${run.error ?? "no reason given"}.`;
    case "failed":
      return `Failed after ${runCounts(run)}: ${run.error ?? "no reason given"}.`;
    default: {
      const unknown: never = run.status;
      return String(unknown);
    }
  }
}

/** Whether the log of a run has anything to open. */
export const hasLog = (run: RunOutput) => run.sent + run.retried + run.failed > 0;

/** The sync log page showing only the attempts of one run. */
export const runLogHref = (integrationId: string, runId: number) =>
  `/integrations/${integrationId}/log?${new URLSearchParams({ runId: String(runId) })}`;

/** A duration in words: "850 ms", "12.4 s", "3 min 5 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}
