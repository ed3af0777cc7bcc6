// The payload the preview shows: the real one, or while some entries have errors, the one the others give.

import {
  buildPayload,
  type CompletionRecord,
  type JsonObject,
  type Mapping,
  type TraceResult,
} from "@/lib/mapping";

export type PreviewPayload = {
  payload: JsonObject | null;
  /** Indexes of the entries left out because they have errors. */
  leftOut: number[];
};

/** `trace.payload` when the mapping builds; else the payload of the entries without errors, so editing stays visual. */
export function previewPayload(
  mapping: Mapping,
  record: CompletionRecord,
  trace: TraceResult,
): PreviewPayload {
  if (trace.payload) return { payload: trace.payload, leftOut: [] };
  const leftOut = trace.entries.filter((e) => e.error !== undefined).map((e) => e.index);
  if (trace.entries.length !== mapping.length) return { payload: null, leftOut };
  const rest = mapping.filter((_, i) => !leftOut.includes(i));
  const built = buildPayload(rest, record);
  return { payload: built.ok ? built.payload : null, leftOut };
}
