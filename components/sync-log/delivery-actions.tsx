"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { fetchJson } from "@/lib/query/fetch-json";
import type { DeliveryState } from "@/lib/sync/model";

type Action = "resend" | "skip";

/**
 * What an admin may do with the delivery behind a log entry, by its state: a pending, retrying or failed one can be
 * sent now or skipped (after confirming); a skipped one can be sent after all (undoing the skip); a delivered one
 * is left alone (a backfill sends delivered completions again, on purpose).
 */
export function DeliveryActions({
  integrationId,
  deliveryId,
  state,
}: {
  integrationId: string;
  deliveryId: number;
  state: DeliveryState | null;
}) {
  const client = useQueryClient();
  const [isConfirmingSkip, setIsConfirmingSkip] = useState(false);
  const act = useMutation({
    mutationFn: (action: Action) =>
      fetchJson<{ affected: number }>(
        `/api/integrations/${integrationId}/deliveries/${deliveryId}/${action}`,
        {
          method: "POST",
        },
      ),
    onSuccess: () => {
      setIsConfirmingSkip(false);
      void client.invalidateQueries({ queryKey: ["sync-log", integrationId] });
      void client.invalidateQueries({ queryKey: ["delivery-counts", integrationId] });
    },
  });
  if (state === null) return null;
  if (state === "succeeded") {
    return <p className="text-xs text-slate-500">Delivered: nothing to resend.</p>;
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {state === "skipped" ? (
        <Button variant="secondary" onClick={() => act.mutate("resend")} disabled={act.isPending}>
          Undo skip: send it
        </Button>
      ) : (
        <>
          <Button variant="secondary" onClick={() => act.mutate("resend")} disabled={act.isPending}>
            Resend now
          </Button>
          <Button variant="secondary" onClick={() => setIsConfirmingSkip(true)} disabled={act.isPending}>
            Skip (never send)
          </Button>
        </>
      )}
      {act.isSuccess ? <span className="text-xs text-emerald-700">Done</span> : null}
      {act.error ? <span className="text-xs text-red-700">{act.error.message}</span> : null}
      <ConfirmDialog
        isOpen={isConfirmingSkip}
        title="Skip this completion?"
        confirmLabel="Skip it"
        isBusy={act.isPending}
        onConfirm={() => act.mutate("skip")}
        onCancel={() => setIsConfirmingSkip(false)}
      >
        LMS Sync will not send it again, not even in the next scheduled run. You can undo this from this
        entry.
      </ConfirmDialog>
    </div>
  );
}
