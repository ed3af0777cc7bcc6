"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useIntegration } from "@/components/integrations/use-integration";
import { useRole } from "@/components/layout/use-role";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PHONE_MEDIA, useMediaQuery } from "@/components/ui/use-media-query";
import { useUnsavedChangesGuard } from "@/components/ui/use-unsaved-changes-guard";
import type { IntegrationOutput } from "@/lib/integrations/schemas";
import { tracePayload } from "@/lib/mapping";
import { clearMappingDraft, saveMappingDraft } from "@/lib/query/mapping-draft";
import { contractRowIssues } from "./contract-marks";
import { EditorDnd } from "./editor-dnd";
import { FieldPalette } from "./field-palette";
import { saveBlocker, withinEntry } from "./issues";
import { KeyList } from "./key-list";
import { EditorPanels } from "./phone-tabs";
import { PreviewPane } from "./preview-pane";
import { previewPayload } from "./preview-payload";
import { SaveBar } from "./save-bar";
import { statusMapCoverage } from "./status-coverage";
import { useContractCheck } from "./use-contract-check";
import { useMappingEditor } from "./use-mapping-editor";
import { usePreviewSource } from "./use-preview-source";
import { useSaveMapping } from "./use-save-mapping";

/** The payload mapping editor: field palette, payload keys, live preview. Viewers see it read-only. */
export function MappingEditor({ integrationId }: { integrationId: string }) {
  const { data, error, isPending } = useIntegration(integrationId);
  const { role } = useRole();
  if (error) return <Alert>Could not load the mapping: {error.message}</Alert>;
  if (isPending || role === null)
    return (
      <div aria-busy="true" className="space-y-4">
        <p className="text-sm text-slate-500">Loading the mapping…</p>
        <div className="grid gap-5 xl:grid-cols-[18rem_minmax(0,1fr)_23rem]">
          {["h-96", "h-72", "h-80"].map((h) => (
            <div key={h} className={`${h} animate-pulse rounded-xl bg-slate-200/60`} />
          ))}
        </div>
      </div>
    );
  return <LoadedEditor integration={data} isReadOnly={role !== "admin"} />;
}

function LoadedEditor({ integration, isReadOnly }: { integration: IntegrationOutput; isReadOnly: boolean }) {
  const editor = useMappingEditor(integration);
  const { state, dispatch, mapping, validation, issues, isDirty } = editor;
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const save = useSaveMapping(integration.id, (saved) => {
    dispatch({ type: "saved", mapping: saved.mapping, version: saved.mappingVersion });
    setSavedVersion(saved.mappingVersion);
  });
  const source = usePreviewSource(integration.id);
  const record = source.record;
  // "Test with user" on the Test tab sends the mapping being edited, before it is saved.
  useEffect(() => {
    if (isDirty && !isReadOnly) saveMappingDraft(integration.id, mapping);
    else clearMappingDraft(integration.id);
  }, [integration.id, mapping, isDirty, isReadOnly]);

  const trace = useMemo(() => (record ? tracePayload(mapping, record) : null), [mapping, record]);
  const shown = useMemo(
    () => (record && trace ? previewPayload(mapping, record, trace) : null),
    [mapping, record, trace],
  );
  const coverage = useMemo(
    () => statusMapCoverage(mapping, source.observedValues),
    [mapping, source.observedValues],
  );
  const contract = useContractCheck(integration.id, shown?.payload ?? null);
  const contractIssues = contract.check?.data?.results[0]?.issues;
  const rowWarnings = useMemo(
    () => [...coverage, ...contractRowIssues(mapping, contractIssues ?? [])],
    [coverage, mapping, contractIssues],
  );
  const warnings = useMemo(
    () => [...validation.warnings.map((w) => w.message), ...coverage.map((c) => c.message)],
    [validation.warnings, coverage],
  );

  const errorCount = validation.errors.length;
  const blocker = saveBlocker({
    errorCount,
    isDirty,
    isSaving: save.isPending,
    newerVersion: editor.newerVersion,
  });
  const onSave = () => {
    if (blocker === null) save.mutate({ mapping, baseVersion: state.savedVersion });
  };
  const onDiscard = () => {
    if (window.confirm("Discard your unsaved changes to the mapping?")) editor.discard();
  };
  const onSaveOver = (newer: number) => {
    if (window.confirm(`Save your mapping over version ${newer}, replacing it?`))
      save.mutate({ mapping, baseVersion: newer });
  };
  useUnsavedChangesGuard(
    isDirty && !isReadOnly,
    "The mapping has unsaved changes. They stay in this tab as a draft (Test with user uses it, and the editor opens with it again), but are not saved. Leave?",
  );
  useSaveShortcut(isReadOnly ? null : onSave);

  const selected = state.entries.find((e) => e.id === state.selectedId) ?? null;
  const isPhone = useMediaQuery(PHONE_MEDIA, false);
  return (
    <div>
      <SaveBar
        isReadOnly={isReadOnly}
        isDirty={isDirty}
        version={state.savedVersion}
        hasJustSaved={savedVersion === state.savedVersion}
        errorCount={errorCount}
        blocker={blocker}
        isSaving={save.isPending}
        onSave={onSave}
        onDiscard={onDiscard}
      />
      <div className="mb-4 space-y-2 empty:hidden">
        {save.error ? <Alert>Could not save the mapping: {save.error.message}</Alert> : null}
        {editor.newerVersion !== null && isDirty ? (
          <Alert tone="warning">
            Version {editor.newerVersion} of this mapping was saved elsewhere while you edited. Keep one of
            them:
            <span className="mt-2 flex flex-wrap gap-2">
              <Button variant="secondary" onClick={onDiscard}>
                Discard mine, load version {editor.newerVersion}
              </Button>
              {isReadOnly || errorCount > 0 ? null : (
                <Button
                  variant="secondary"
                  disabled={save.isPending}
                  onClick={() => onSaveOver(editor.newerVersion!)}
                >
                  Save mine over version {editor.newerVersion}
                </Button>
              )}
            </span>
          </Alert>
        ) : null}
        {issues.general.map((e) => (
          <Alert key={e.message}>{withinEntry(e)}</Alert>
        ))}
      </div>
      {isPhone ? null : <SkipLinks />}
      <EditorDnd entries={state.entries} dispatch={dispatch}>
        <div className="grid items-start gap-5 lg:grid-cols-[18rem_minmax(0,1fr)] xl:grid-cols-[18rem_minmax(0,1fr)_23rem]">
          <EditorPanels
            isPhone={isPhone}
            focusId={state.focusId}
            selectedId={state.selectedId}
            panels={{
              fields: <FieldPalette isReadOnly={isReadOnly} selected={selected} dispatch={dispatch} />,
              keys: (
                <KeyList
                  state={state}
                  issues={issues.entries}
                  coverage={rowWarnings}
                  trace={trace}
                  isReadOnly={isReadOnly}
                  dispatch={dispatch}
                />
              ),
              preview: (
                <PreviewPane
                  source={source}
                  trace={trace}
                  shown={shown}
                  contract={contract}
                  warnings={warnings}
                  className="lg:col-span-2 xl:col-span-1"
                />
              ),
            }}
          />
        </div>
      </EditorDnd>
    </div>
  );
}

/**
 * Skip links past the field palette, shown when focused. Buttons rather than #links: they move the focus without
 * adding a history entry, which the unsaved-changes guard would take for leaving.
 */
function SkipLinks() {
  const skipTo = (id: string) => () => {
    const target = document.getElementById(id);
    target?.focus();
    target?.scrollIntoView({ block: "start" });
  };
  const link =
    "sr-only rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white focus:not-sr-only focus:mb-2 focus:inline-block focus:outline-2 focus:outline-offset-2 focus:outline-indigo-600";
  return (
    <div className="flex gap-2">
      <button type="button" onClick={skipTo("keys-heading")} className={link}>
        Skip to payload keys
      </button>
      <button type="button" onClick={skipTo("preview-heading")} className={link}>
        Skip to the preview
      </button>
    </div>
  );
}

/** Ctrl+S / ⌘S saves (when `onSave` is given) instead of the browser saving the page. */
function useSaveShortcut(onSave: (() => void) | null): void {
  const latest = useRef(onSave);
  useLayoutEffect(() => {
    latest.current = onSave;
  });
  const isEnabled = onSave !== null;
  useEffect(() => {
    if (!isEnabled) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        latest.current?.();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [isEnabled]);
}
