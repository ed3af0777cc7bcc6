"use client";

import { useEffect, useMemo, useReducer } from "react";
import type { IntegrationOutput } from "@/lib/integrations/schemas";
import { validateMapping } from "@/lib/mapping";
import { loadMappingDraft } from "@/lib/query/mapping-draft";
import { editorReducer, initialState, toMapping } from "./editor-state";
import { issuesByEntry } from "./issues";

/** The mapping being edited, its validation, and whether it differs from the saved version. */
export function useMappingEditor(integration: Pick<IntegrationOutput, "id" | "mapping" | "mappingVersion">) {
  // This tab's unsaved draft comes back (it was kept when the admin went to the Test tab to try it).
  const [state, dispatch] = useReducer(editorReducer, integration, (i) =>
    initialState(i.mapping, i.mappingVersion, loadMappingDraft(i.id)),
  );
  const mapping = useMemo(() => toMapping(state.entries), [state.entries]);
  const validation = useMemo(() => validateMapping(mapping), [mapping]);
  const issues = useMemo(() => issuesByEntry(validation, mapping.length), [validation, mapping.length]);
  const isDirty = useMemo(() => JSON.stringify(mapping) !== state.savedJson, [mapping, state.savedJson]);

  // A version saved elsewhere (another tab, another admin) replaces the editor's when nothing would be lost.
  const isBehind = integration.mappingVersion > state.savedVersion;
  useEffect(() => {
    if (isBehind && !isDirty) {
      dispatch({ type: "load", mapping: integration.mapping, version: integration.mappingVersion });
    }
  }, [isBehind, isDirty, integration.mapping, integration.mappingVersion]);

  const discard = () =>
    dispatch({ type: "load", mapping: integration.mapping, version: integration.mappingVersion });

  return {
    state,
    dispatch,
    mapping,
    validation,
    issues,
    isDirty,
    newerVersion: isBehind ? integration.mappingVersion : null,
    discard,
  };
}
