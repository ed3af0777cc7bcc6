"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useDeliveryCounts } from "@/components/integrations/use-delivery-counts";
import { useRole } from "@/components/layout/use-role";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime } from "@/lib/format";
import { fetchJson } from "@/lib/query/fetch-json";

type Pending = { kind: "failed" } | { kind: "backfill"; since: string };

/**
 * The two bulk actions of the log page, each confirmed with the number it will send: every failed delivery again,
 * and everything recorded since a date. Viewers see nothing here.
 */
export function BulkActions({ integrationId }: { integrationId: string }) {
  const { isAdmin } = useRole();
  const client = useQueryClient();
  const [since, setSince] = useState("");
  const [pending, setPending] = useState<Pending | null>(null);
  const counts = useDeliveryCounts(integrationId);
  const sinceIso = since ? new Date(since).toISOString() : undefined;
  const backfillCount = useDeliveryCounts(integrationId, pending?.kind === "backfill" ? sinceIso : undefined);
  const act = useMutation({
    mutationFn: (p: Pending) =>
      p.kind === "failed"
        ? fetchJson<{ affected: number }>(`/api/integrations/${integrationId}/deliveries/resend-failed`, {
            method: "POST",
          })
        : fetchJson<{ affected: number }>(`/api/integrations/${integrationId}/backfill`, {
            method: "POST",
            json: { since: p.since },
          }),
    onSuccess: () => {
      setPending(null);
      void client.invalidateQueries({ queryKey: ["delivery-counts", integrationId] });
      void client.invalidateQueries({ queryKey: ["sync-log", integrationId] });
    },
  });
  const c = counts.data?.counts;
  const toSend = backfillCount.data?.backfill?.completions;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      {isAdmin ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" disabled={!c?.failed} onClick={() => setPending({ kind: "failed" })}>
            Resend all failed{c ? ` (${c.failed})` : ""}
          </Button>
          <label className="flex items-center gap-2 text-xs text-slate-600">
            Send again since
            <input
              type="datetime-local"
              className="input w-auto"
              value={since}
              onChange={(e) => setSince(e.target.value)}
            />
          </label>
          <Button
            variant="secondary"
            disabled={!sinceIso}
            onClick={() => sinceIso && setPending({ kind: "backfill", since: sinceIso })}
          >
            Send again…
          </Button>
          {act.error ? <span className="text-xs text-red-700">{act.error.message}</span> : null}
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={pending !== null}
        tone="primary"
        title={pending?.kind === "failed" ? "Resend all failed deliveries?" : "Send completions again?"}
        confirmLabel={
          pending?.kind === "failed"
            ? `Resend ${c?.failed ?? 0} failed`
            : toSend === undefined
              ? "Counting…"
              : `Send ${toSend} again`
        }
        isBusy={act.isPending || (pending?.kind === "backfill" && toSend === undefined)}
        onConfirm={() => pending && act.mutate(pending)}
        onCancel={() => setPending(null)}
      >
        {pending?.kind === "failed"
          ? `${c?.failed ?? 0} failed deliveries get a new cycle of retries, starting now.`
          : `${toSend ?? "…"} completions recorded since ${since ? formatDateTime(new Date(since)) : ""} are sent again, each with a new Idempotency-Key so the receiver takes them as new. Use this when the receiver lost data.`}
      </ConfirmDialog>
    </div>
  );
}
