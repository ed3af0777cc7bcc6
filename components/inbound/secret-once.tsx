"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/**
 * A new signing secret with the URL to send to, shown this once: the server keeps only its ciphertext, and no page or
 * reply shows it again. The admin copies it into the sending system.
 */
export function SecretOnce({
  secret,
  url,
  note,
  onDone,
}: {
  secret: string;
  /** Where the sender posts (an inbound source); none for an integration's outbound secret. */
  url?: string;
  /** Who gets the secret, when not the sending system. */
  note?: string;
  onDone: () => void;
}) {
  return (
    <div className="space-y-3" data-testid="secret-once">
      <Alert tone="warning">
        {note ??
          "Copy the signing secret now: it is shown only this once. Give it and the URL to the sending system; it signs each request with it (Standard Webhooks)."}
      </Alert>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
        {url ? (
          <>
            <dt className="font-medium text-ink-700">URL</dt>
            <dd className="break-all font-mono text-xs" data-testid="source-url">
              POST {url}
            </dd>
          </>
        ) : null}
        <dt className="font-medium text-ink-700">Signing secret</dt>
        <dd className="break-all font-mono text-xs" data-testid="signing-secret">
          {secret}
        </dd>
      </dl>
      <div className="flex gap-2">
        <CopyButton text={secret} label="Copy secret" />
        <Button onClick={onDone}>I have stored it</Button>
      </div>
    </div>
  );
}
