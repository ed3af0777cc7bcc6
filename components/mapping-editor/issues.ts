// validateMapping's errors and warnings sorted by entry and part, worded for the row that shows them.

import type { MappingIssue, ValidationResult } from "@/lib/mapping";
import { entryLabel } from "@/lib/mapping/validate";
import type { EditorAction, EditorEntry } from "./editor-state";

export type EntryIssues = {
  key: MappingIssue[];
  source: MappingIssue[];
  transforms: MappingIssue[];
  warnings: MappingIssue[];
};

const empty = (): EntryIssues => ({ key: [], source: [], transforms: [], warnings: [] });

/** Each entry's errors by part (key, source, transforms) and its warnings; mapping-wide issues apart. */
export function issuesByEntry(
  result: ValidationResult,
  count: number,
): { entries: EntryIssues[]; general: MappingIssue[]; generalWarnings: MappingIssue[] } {
  const entries = Array.from({ length: count }, empty);
  const general: MappingIssue[] = [];
  const generalWarnings: MappingIssue[] = [];
  for (const e of result.errors) {
    const slot = e.index === null ? undefined : entries[e.index];
    if (!slot) general.push(e);
    else slot[e.field ?? "key"].push(e);
  }
  for (const w of result.warnings) {
    const slot = w.index === null ? undefined : entries[w.index];
    if (slot) slot.warnings.push(w);
    else generalWarnings.push(w);
  }
  return { entries, general, generalWarnings };
}

/** A message without its "Entry 3 ("status"): " prefix, for the row that already shows the entry. */
export function withinEntry(issue: MappingIssue): string {
  if (issue.index === null) return issue.message;
  const label = entryLabel(issue.index, issue.key ?? "");
  if (issue.message.startsWith(`${label}: `)) return capitalise(issue.message.slice(label.length + 2));
  if (issue.message.startsWith(`${label}, `)) return capitalise(issue.message.slice(label.length + 2));
  return issue.message;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why Save is off, or null when the mapping can be saved. */
export function saveBlocker(s: {
  errorCount: number;
  isDirty: boolean;
  isSaving: boolean;
  /** A version saved elsewhere while this one was edited: a plain save would be refused. */
  newerVersion?: number | null;
}): string | null {
  if (s.isSaving) return "Saving…";
  if (s.errorCount > 0) return `Fix ${s.errorCount} ${s.errorCount === 1 ? "error" : "errors"} to save`;
  if (!s.isDirty) return "No unsaved changes";
  if (s.newerVersion != null)
    return `Version ${s.newerVersion} was saved elsewhere: choose below what to keep`;
  return null;
}

/** What "Use …" on a "Did you mean" does: the suggested field as the source, or the name put in the chain. */
export function suggestionAction(
  entry: EditorEntry,
  part: "source" | "transforms",
  issue: { start?: number; end?: number; suggestion: string },
): EditorAction {
  if (part === "source") return { type: "setSource", id: entry.id, source: issue.suggestion };
  const chain = entry.transforms;
  const start = issue.start ?? 0;
  const end = issue.end ?? chain.length;
  return {
    type: "setTransforms",
    id: entry.id,
    transforms: chain.slice(0, start) + issue.suggestion + chain.slice(end),
  };
}
