"use client";

import { RunResult } from "@/components/runs/run-result";
import { useRunNow } from "@/components/runs/use-run";
import { Button } from "@/components/ui/button";
import type { IntegrationOutput } from "@/lib/integrations/schemas";
import { useIntegrationAction } from "./use-integration-action";

/**
 * Enable or pause, and Run now, with a line saying what happened: a run's progress and result in place (admins
 * only; the caller decides).
 */
export function IntegrationActions({
  integration,
}: {
  integration: Pick<IntegrationOutput, "id" | "name" | "status"> & { sendFrom?: string | null };
}) {
  const action = useIntegrationAction(integration.id);
  const runNow = useRunNow(integration.id);
  const isActive = integration.status === "active";
  const error = action.error ?? runNow.error;
  return (
    <div className="flex flex-col items-end gap-1">
      {/* Side by side where there is room; stacked in a narrow table column. */}
      <div className="flex flex-wrap justify-end gap-2 whitespace-nowrap">
        {isActive ? (
          <Button
            variant="secondary"
            disabled={action.isPending}
            onClick={() => action.mutate("pause")}
            aria-label={`Pause ${integration.name}`}
          >
            Pause
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={action.isPending}
            onClick={() => action.mutate("enable")}
            aria-label={`Enable ${integration.name}`}
          >
            Enable
          </Button>
        )}
        <Button
          disabled={action.isPending || runNow.isGoing || !isActive}
          title={isActive ? undefined : "Enable the integration first"}
          onClick={() => {
            action.reset();
            runNow.start();
          }}
          aria-label={`Run now: ${integration.name}`}
        >
          Run now
        </Button>
      </div>
      <p className="max-w-56 text-right text-xs" role="status" aria-live="polite">
        {error ? (
          <span className="text-red-700">{error.message}</span>
        ) : runNow.run && !action.message ? (
          <RunResult integrationId={integration.id} run={runNow.run} sendFrom={integration.sendFrom} />
        ) : (
          <span className="text-emerald-700">{action.message}</span>
        )}
      </p>
    </div>
  );
}
