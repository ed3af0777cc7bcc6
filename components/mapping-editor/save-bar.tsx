"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

/** The editor's header: saved or unsaved, how many errors, why Save is off, Save and Discard. */
export function SaveBar({
  isReadOnly,
  isDirty,
  version,
  hasJustSaved,
  errorCount,
  blocker,
  isSaving,
  onSave,
  onDiscard,
}: {
  isReadOnly: boolean;
  isDirty: boolean;
  version: number;
  hasJustSaved: boolean;
  errorCount: number;
  blocker: string | null;
  isSaving: boolean;
  onSave: () => void;
  onDiscard: () => void;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <div className="min-w-0">
        <h2 className="text-base font-semibold text-slate-900">Payload mapping</h2>
        <p className="text-xs text-slate-500">The JSON each completion is sent as, key by key.</p>
      </div>
      <div className="ml-auto flex flex-wrap items-center gap-3">
        <span data-testid="mapping-status" role="status" className="text-xs">
          {isDirty ? (
            <Badge tone="amber">● Unsaved changes</Badge>
          ) : hasJustSaved ? (
            <Badge tone="green">Saved · version {version}</Badge>
          ) : (
            <span className="text-slate-500">Version {version}</span>
          )}
        </span>
        {errorCount > 0 ? (
          <Badge tone="red">
            {errorCount} {errorCount === 1 ? "error" : "errors"}
          </Badge>
        ) : null}
        {isReadOnly ? (
          <Badge>Read-only: viewers can look, not change</Badge>
        ) : (
          <>
            {isDirty ? (
              <Button variant="ghost" onClick={onDiscard} disabled={isSaving}>
                Discard changes
              </Button>
            ) : null}
            {blocker ? (
              <span id="save-blocker" data-testid="save-blocker" className="text-xs text-slate-500">
                {blocker}
              </span>
            ) : null}
            <Button
              onClick={onSave}
              disabled={blocker !== null}
              aria-describedby={blocker ? "save-blocker" : undefined}
            >
              {isSaving ? "Saving…" : "Save mapping"}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
