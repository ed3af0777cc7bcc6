// The editor's state: the mapping being edited (each entry with a stable id for drag and drop and React keys).

import { type ConstValue, FIELDS, type Mapping, type MappingEntry } from "@/lib/mapping";

export type EditorEntry = { id: string; key: string; source: MappingEntry["source"]; transforms: string };

export type EditorState = {
  entries: EditorEntry[];
  /** The saved mapping as JSON, to tell whether there are unsaved changes. */
  savedJson: string;
  savedVersion: number;
  /** The key that "Map" in the palette maps onto (the click alternative to dragging). */
  selectedId: string | null;
  /** The entry just added, so its key input takes the focus once. */
  focusId: string | null;
  nextId: number;
};

export type EditorAction =
  | { type: "load"; mapping: Mapping; version: number }
  | { type: "saved"; mapping: Mapping; version: number }
  | { type: "setKey"; id: string; key: string }
  | { type: "setSource"; id: string; source: MappingEntry["source"] }
  | { type: "setTransforms"; id: string; transforms: string }
  | { type: "addField"; field: string; at?: number }
  | { type: "addConstant"; value?: ConstValue }
  | { type: "remove"; id: string }
  | { type: "move"; from: number; to: number }
  | { type: "select"; id: string | null }
  | { type: "focused" };

/** The mapping the entries stand for, as the API and lib/mapping take it. */
export function toMapping(entries: readonly EditorEntry[]): Mapping {
  return entries.map(({ key, source, transforms }) =>
    transforms.trim() === "" ? { key, source } : { key, source, transforms },
  );
}

const EMPTY: EditorState = {
  entries: [],
  savedJson: "[]",
  savedVersion: 0,
  selectedId: null,
  focusId: null,
  nextId: 1,
};

/**
 * The editor as it opens: the saved mapping, or, when this tab holds an unsaved draft of it (left for the Test tab,
 * say), the draft on top of the saved version, unsaved still.
 */
export function initialState(mapping: Mapping, version: number, draft: Mapping | null = null): EditorState {
  const saved = editorReducer(EMPTY, { type: "load", mapping, version });
  if (!draft) return saved;
  return { ...editorReducer(EMPTY, { type: "load", mapping: draft, version }), savedJson: saved.savedJson };
}

export function isDirty(state: EditorState): boolean {
  return JSON.stringify(toMapping(state.entries)) !== state.savedJson;
}

/** A key named after a field ("user.email" → "email"), numbered when the name is taken. */
export function keyForField(field: string, entries: readonly EditorEntry[]): string {
  const base = field.split(".").pop() || "value";
  return uniqueKey(base, entries);
}

function uniqueKey(base: string, entries: readonly EditorEntry[]): string {
  const taken = new Set(entries.map((e) => e.key));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** `list` with the item at `from` moved to `to`; out-of-range indexes leave it unchanged. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

function asEntry(e: MappingEntry): EditorEntry {
  return { id: "", key: e.key, source: e.source, transforms: e.transforms ?? "" };
}

const isKnownField = (name: string) => FIELDS.some((f) => f.name === name);

function update(state: EditorState, id: string, patch: Partial<EditorEntry>): EditorState {
  return { ...state, entries: state.entries.map((e) => (e.id === id ? { ...e, ...patch } : e)) };
}

function insert(state: EditorState, entry: Omit<EditorEntry, "id">, at?: number): EditorState {
  const id = `e${state.nextId}`;
  const entries = [...state.entries];
  const index = at === undefined ? entries.length : Math.max(0, Math.min(at, entries.length));
  entries.splice(index, 0, { id, ...entry });
  return { ...state, entries, nextId: state.nextId + 1, focusId: id };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "load": {
      const entries = action.mapping.map((e, i) => ({ ...asEntry(e), id: `e${state.nextId + i}` }));
      return {
        entries,
        savedJson: JSON.stringify(toMapping(entries)),
        savedVersion: action.version,
        selectedId: null,
        focusId: null,
        nextId: state.nextId + entries.length,
      };
    }
    case "saved":
      // The entries stay as they are (focus and selection too); only the saved baseline moves.
      return {
        ...state,
        savedJson: JSON.stringify(toMapping(action.mapping.map(asEntry))),
        savedVersion: action.version,
      };
    case "setKey":
      return update(state, action.id, { key: action.key });
    case "setSource":
      return update(state, action.id, { source: action.source });
    case "setTransforms":
      return update(state, action.id, { transforms: action.transforms });
    case "addField":
      if (!isKnownField(action.field)) return state;
      return insert(
        state,
        { key: keyForField(action.field, state.entries), source: action.field, transforms: "" },
        action.at,
      );
    case "addConstant":
      return insert(state, {
        key: uniqueKey("constant", state.entries),
        source: { const: action.value ?? "" },
        transforms: "",
      });
    case "remove":
      return {
        ...state,
        entries: state.entries.filter((e) => e.id !== action.id),
        selectedId: state.selectedId === action.id ? null : state.selectedId,
      };
    case "move":
      return { ...state, entries: moveItem(state.entries, action.from, action.to) };
    case "select":
      return { ...state, selectedId: action.id };
    case "focused":
      return { ...state, focusId: null };
    default: {
      const unhandled: never = action;
      return unhandled;
    }
  }
}
