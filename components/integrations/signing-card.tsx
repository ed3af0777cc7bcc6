"use client";

import { useState } from "react";
import { OverlapHoursInput } from "@/components/inbound/overlap-hours-input";
import { SecretOnce } from "@/components/inbound/secret-once";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { INBOUND_LIMITS } from "@/lib/inbound/model";
import { useSigning, useSigningChange } from "./use-signing";

const RECEIVER_NOTE =
  "Copy the signing secret now: it is shown only this once. Give it to the receiver, which verifies each request with it (any Standard Webhooks library).";

/**
 * Outbound signing: whether every request carries a Standard Webhooks signature, the secrets that sign with their
 * expiry, and (admins) turn on, rotate with an overlap, turn off. A new secret is shown once.
 */
export function SigningCard({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { data, error } = useSigning(id);
  const change = useSigningChange(id);
  const [overlapHours, setOverlapHours] = useState<number>(INBOUND_LIMITS.defaultOverlapHours);
  const [confirming, setConfirming] = useState<"rotate" | "off" | null>(null);
  // Only turning on and rotating answer with a secret.
  const secret = (change.data as { signingSecret?: string } | undefined)?.signingSecret ?? null;
  const signing = data?.signing;
  return (
    <Card
      title="Request signing"
      description="Sign every request (sync runs and both test tools) by Standard Webhooks, so the receiver can verify it came from this LMS: webhook-id (the Idempotency-Key), webhook-timestamp and webhook-signature."
    >
      <div data-testid="signing-card" className="space-y-3 text-sm">
        {error ? <Alert>Could not load the signing state: {error.message}</Alert> : null}
        {secret ? (
          <SecretOnce secret={secret} note={RECEIVER_NOTE} onDone={() => change.reset()} />
        ) : signing ? (
          <>
            <p data-testid="signing-state">
              {signing.enabled ? "On: every request is signed." : "Off: requests are not signed."}
            </p>
            {signing.enabled ? (
              <ul data-testid="signing-secrets" className="text-ink-700">
                {signing.secrets.map((s) => (
                  <li key={s.createdAt}>
                    Secret made <DateTime value={s.createdAt} />
                    {s.validUntil ? (
                      <>
                        {" "}
                        · previous, still signs until <DateTime value={s.validUntil} />
                      </>
                    ) : (
                      " · current"
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
            {canEdit ? (
              <div className="flex flex-wrap items-end gap-3 border-t border-ink-100 pt-3">
                {signing.enabled ? (
                  <>
                    <OverlapHoursInput
                      label="Old secret keeps signing for (hours)"
                      value={overlapHours}
                      onChange={setOverlapHours}
                    />
                    <Button variant="secondary" onClick={() => setConfirming("rotate")}>
                      Rotate signing secret
                    </Button>
                    <Button variant="danger" onClick={() => setConfirming("off")}>
                      Turn off signing
                    </Button>
                  </>
                ) : (
                  <Button onClick={() => change.mutate({ action: "on" })} disabled={change.isPending}>
                    Turn on signing
                  </Button>
                )}
              </div>
            ) : null}
            {change.error ? <Alert>{change.error.message}</Alert> : null}
          </>
        ) : (
          <p className="text-ink-500">Loading…</p>
        )}
      </div>
      <ConfirmDialog
        isOpen={confirming === "rotate"}
        title="Rotate the signing secret?"
        confirmLabel="Rotate"
        tone="primary"
        isBusy={change.isPending}
        onConfirm={() =>
          change.mutate({ action: "rotate", overlapHours }, { onSettled: () => setConfirming(null) })
        }
        onCancel={() => setConfirming(null)}
      >
        A new secret is made and shown once. For {overlapHours} hour{overlapHours === 1 ? "" : "s"} every
        request carries two signatures, the new one and the old one, so the receiver can switch without a gap;
        after that only the new one.
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={confirming === "off"}
        title="Turn off request signing?"
        confirmLabel="Turn off"
        isBusy={change.isPending}
        onConfirm={() => change.mutate({ action: "off" }, { onSettled: () => setConfirming(null) })}
        onCancel={() => setConfirming(null)}
      >
        Every signing secret is removed at once; a receiver that requires signatures will refuse the next
        requests.
      </ConfirmDialog>
    </Card>
  );
}
