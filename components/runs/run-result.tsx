"use client";

import Link from "next/link";
import { useDeliveryCounts } from "@/components/integrations/use-delivery-counts";
import type { RunOutput } from "@/lib/sync/schemas";
import { describeRun, hasLog, runLogHref } from "./describe-run";

/** A run's progress or result in one line, with its log once it has one (Run now shows it in place). */
export function RunResult({
  integrationId,
  run,
  sendFrom,
}: {
  integrationId: string;
  run: RunOutput;
  sendFrom?: string | null;
}) {
  const counts = useDeliveryCounts(integrationId).data;
  const waiting = counts && { retrying: counts.counts.retrying, nextRetryAt: counts.nextRetryAt };
  const tone =
    run.status === "failed" || run.status === "stopped"
      ? "text-red-700"
      : run.done
        ? "text-emerald-700"
        : "text-slate-600";
  return (
    <span className={tone} data-testid="run-result" data-status={run.status}>
      {describeRun(run, sendFrom, waiting)}
      {run.done && hasLog(run) ? (
        <>
          {" "}
          <Link
            className="font-medium text-indigo-700 hover:underline"
            href={runLogHref(integrationId, run.id)}
          >
            Open the log
          </Link>
        </>
      ) : null}
    </span>
  );
}
