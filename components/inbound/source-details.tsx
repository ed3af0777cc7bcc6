"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRole } from "@/components/layout/use-role";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { INBOUND_KIND_LABELS, INBOUND_LIMITS } from "@/lib/inbound/model";
import { EditSourceForm } from "./edit-source-form";
import { OverlapHoursInput } from "./overlap-hours-input";
import { SecretOnce } from "./secret-once";
import { useDeleteInboundSource, useInboundSource, useRotateSecret } from "./use-inbound";

/** A source's URL, what it may send and its signing secrets' dates; admins rotate the secret or delete the source. */
export function SourceDetails({ id }: { id: string }) {
  const { data, error } = useInboundSource(id);
  const { isAdmin } = useRole();
  const router = useRouter();
  const rotate = useRotateSecret(id);
  const remove = useDeleteInboundSource(id);
  const [overlapHours, setOverlapHours] = useState<number>(INBOUND_LIMITS.defaultOverlapHours);
  const [confirming, setConfirming] = useState<"rotate" | "delete" | null>(null);
  const [isEditing, setIsEditing] = useState(false);
  if (error) return <Alert>Could not load the source: {error.message}</Alert>;
  if (!data) return <p className="text-sm text-ink-500">Loading…</p>;
  const { source } = data;
  return (
    <Card title={source.name} description="An external system that may send data in.">
      {rotate.data ? (
        <SecretOnce secret={rotate.data.signingSecret} url={source.url} onDone={() => rotate.reset()} />
      ) : isEditing ? (
        <EditSourceForm source={source} onDone={() => setIsEditing(false)} />
      ) : (
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-ink-700">URL</dt>
          <dd className="break-all font-mono text-xs" data-testid="source-url">
            POST {source.url}
          </dd>
          <dt className="font-medium text-ink-700">May send</dt>
          <dd>{source.kinds.map((k) => INBOUND_KIND_LABELS[k]).join(", ")}</dd>
          <dt className="font-medium text-ink-700">Creates missing</dt>
          <dd>
            {source.createMissing
              ? "Organisations, activities and learning profiles"
              : "Nothing: such items are refused"}
          </dd>
          <dt className="font-medium text-ink-700">Signing secrets</dt>
          <dd>
            <ul data-testid="signing-secrets">
              {source.secrets.map((s) => (
                <li key={s.createdAt}>
                  Made <DateTime value={s.createdAt} />
                  {s.validUntil ? (
                    <>
                      {" "}
                      · previous, works until <DateTime value={s.validUntil} />
                    </>
                  ) : (
                    " · current"
                  )}
                </li>
              ))}
            </ul>
            <p className="text-xs text-ink-500">
              Or an API token with the inbound scope: npm run token:create -- --email … --scope inbound
            </p>
          </dd>
        </dl>
      )}
      {isAdmin && !rotate.data && !isEditing ? (
        <div className="mt-4 flex flex-wrap items-end gap-3 border-t border-ink-100 pt-4">
          <OverlapHoursInput
            label="Old secret keeps working for (hours)"
            value={overlapHours}
            onChange={setOverlapHours}
          />
          <Button variant="secondary" onClick={() => setIsEditing(true)}>
            Edit
          </Button>
          <Button variant="secondary" onClick={() => setConfirming("rotate")}>
            Rotate signing secret
          </Button>
          <Button variant="danger" onClick={() => setConfirming("delete")}>
            Delete source
          </Button>
          {rotate.error ? <Alert>{rotate.error.message}</Alert> : null}
          {remove.error ? <Alert>{remove.error.message}</Alert> : null}
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={confirming === "rotate"}
        title="Rotate the signing secret?"
        confirmLabel="Rotate"
        tone="primary"
        isBusy={rotate.isPending}
        onConfirm={() => rotate.mutate(overlapHours, { onSettled: () => setConfirming(null) })}
        onCancel={() => setConfirming(null)}
      >
        A new secret is made and shown once. The secrets in use now keep working for {overlapHours} hour
        {overlapHours === 1 ? "" : "s"}, so the sender can switch without a gap.
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={confirming === "delete"}
        title={`Delete ${source.name}?`}
        confirmLabel="Delete"
        isBusy={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push("/inbound") })}
        onCancel={() => setConfirming(null)}
      >
        Its URL stops working at once and its log is deleted. Data it already sent stays in the LMS.
      </ConfirmDialog>
    </Card>
  );
}
