"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { describeChange, type OtherChange } from "@/lib/integrations/conflict";
import type { IntegrationOutput } from "@/lib/integrations/schemas";
import { ApiRequestError, fetchJson } from "@/lib/query/fetch-json";

export type SaveConflict = { changes: OtherChange[] };

/** A 409 from a settings save, with the saves made meanwhile; anything else is null. */
export function saveConflict(error: unknown): SaveConflict | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const details = error.details as { changes?: OtherChange[] } | undefined;
  return { changes: Array.isArray(details?.changes) ? details.changes : [] };
}

/**
 * Someone saved the settings while this admin was editing: who changed what and when, and a button that loads
 * their version with this admin's edits kept on top, so nothing is overwritten without being seen.
 */
export function ConflictAlert({
  conflict,
  integrationId,
  onLoaded,
}: {
  conflict: SaveConflict;
  integrationId: string;
  onLoaded: (current: IntegrationOutput) => void;
}) {
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setIsLoading(true);
    setError(null);
    try {
      const { integration } = await fetchJson<{ integration: IntegrationOutput }>(
        `/api/integrations/${integrationId}`,
      );
      onLoaded(integration);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not load the current settings");
    } finally {
      setIsLoading(false);
    }
  };
  return (
    <div className="mt-6" data-testid="save-conflict">
      <Alert tone="warning">
        <p className="font-medium">Not saved: someone else saved these settings after you opened them.</p>
        <ul className="mt-2 list-disc pl-5">
          {conflict.changes.map((c) => (
            <li key={`${c.by}-${c.at}`}>{describeChange(c, formatDateTime)}</li>
          ))}
        </ul>
        <p className="mt-2">
          Load their version to see it; your own edits stay in the form, ready to save again.
        </p>
        <div className="mt-3 flex items-center gap-3">
          <Button variant="secondary" onClick={load} disabled={isLoading}>
            {isLoading ? "Loading…" : "Load their version and keep my edits"}
          </Button>
          {error ? <span className="text-red-700">{error}</span> : null}
        </div>
      </Alert>
    </div>
  );
}
